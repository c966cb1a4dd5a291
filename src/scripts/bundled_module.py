"""What the make_*.py scripts share: script a TorchScript module, check it bit for bit, then save it.

Each script defines its module and its check; `write` does the rest. The output path is the committed resource,
or the first command-line argument (to try a script without touching the committed file).
"""

import os
import sys

import torch

TORCH = "2.7.1"  # the libtorch of DJL's native library


def write(module_class, check, out, describe):
    """Scripts module_class(), runs check(module) (which raises on any difference), saves the module to out (or
    to sys.argv[1]) and prints what was written, with describe(check's result)."""
    if not torch.__version__.startswith(TORCH):
        sys.exit(f"needs PyTorch {TORCH} (DJL's libtorch), found {torch.__version__}")
    out = sys.argv[1] if len(sys.argv) > 1 else out
    module = torch.jit.script(module_class())
    result = check(module)
    module.save(out)
    print(f"wrote {os.path.relpath(out)} ({os.path.getsize(out)} bytes): {describe(result)}")
