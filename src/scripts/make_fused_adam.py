"""Writes src/main/resources/org/ganbook/train/fused-adam.pt, the TorchScript module behind ganbook's Adam.

DJL's Java API has no multi-tensor optimizer kernels, but libtorch has one: `torch._fused_adam_`, the kernel
behind `torch.optim.Adam(fused=True)`, which updates every parameter, both moments and the step in one pass
over memory. DJL can call a TorchScript method, so ganbook ships this tiny module (a few kB of TorchScript
source, no weights) and `org.ganbook.train.FusedAdam` calls its `adam` method.

Run with PyTorch 2.7.1, the libtorch of DJL's native library (the benchmark's environment has it):

    .venv-bench/bin/python src/scripts/make_fused_adam.py

It checks the module against torch.optim.Adam(fused=True), bit for bit, before writing it. Not part of the build: the output is
committed.
"""

import os
from typing import List

import torch

import bundled_module

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "org", "ganbook", "train",
                   "fused-adam.pt")


class FusedAdam(torch.nn.Module):
    @torch.jit.export
    def adam(self, weights: List[torch.Tensor], gradients: List[torch.Tensor], means: List[torch.Tensor],
             variances: List[torch.Tensor], steps: List[torch.Tensor], learning_rate: float, beta1: float,
             beta2: float, epsilon: float) -> None:
        """One Adam update of every weight, in place, as torch.optim.Adam(fused=True); then zeroes the gradients.

        steps holds each weight's update count including this one (1 on the first update)."""
        torch._fused_adam_(weights, gradients, means, variances, [], steps, lr=learning_rate, beta1=beta1,
                           beta2=beta2, weight_decay=0.0, eps=epsilon, amsgrad=False, maximize=False)
        torch._foreach_zero_(gradients)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x


def check(module):
    torch.manual_seed(0)
    shapes = [(7, 3), (3,), (5, 2, 2)]
    weights = [torch.randn(s) for s in shapes]
    reference = [w.clone().requires_grad_() for w in weights]
    optimizer = torch.optim.Adam(reference, lr=1e-2, betas=(0.5, 0.999), eps=1e-8, fused=True)
    default = [w.clone().requires_grad_() for w in weights]
    default_optimizer = torch.optim.Adam(default, lr=1e-2, betas=(0.5, 0.999), eps=1e-8)
    means = [torch.zeros(s) for s in shapes]
    variances = [torch.zeros(s) for s in shapes]
    for step in range(1, 6):
        gradients = [torch.randn(s) for s in shapes]
        for r, d, g in zip(reference, default, gradients):
            r.grad = g.clone()
            d.grad = g.clone()
        optimizer.step()
        default_optimizer.step()
        module.adam(weights, gradients, means, variances, [torch.tensor(float(step)) for _ in shapes],
                    1e-2, 0.5, 0.999, 1e-8)
        assert all(torch.equal(g, torch.zeros_like(g)) for g in gradients), "gradients not zeroed"
    for w, r in zip(weights, reference):
        assert torch.equal(w, r.detach()), "differs from torch.optim.Adam(fused=True)"
    return max((w - d.detach()).abs().max().item() for w, d in zip(weights, default))


def main():
    bundled_module.write(FusedAdam, check, OUT, lambda difference: "bit for bit torch.optim.Adam(fused=True); largest difference from the default "
                 f"torch.optim.Adam after 5 updates: {difference:.1e}")


if __name__ == "__main__":
    main()
