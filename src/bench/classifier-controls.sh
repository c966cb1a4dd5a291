#!/usr/bin/env bash
# The quality classifier read against notebook 7's DCGAN and against images that are no digits (see
# ClassifierControls.java), on one thread:
#   src/bench/classifier-controls.sh [folder for the grid's PNG, default target/bench]
exec "$(dirname "${BASH_SOURCE[0]}")/java-main.sh" ClassifierControls "$@"
