#!/usr/bin/env bash
# Notebook 7's DCGAN recipe search (see DcganRecipes.java): compiles it against the built library and runs
# the given configurations one after another on one thread, e.g.
#   src/bench/dcgan-recipes.sh 'name=paper' 'name=lr 1e-3,lrG=1e-3,lrD=1e-3'
exec "$(dirname "${BASH_SOURCE[0]}")/java-main.sh" DcganRecipes "$@"
