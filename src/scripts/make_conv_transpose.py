"""Writes src/main/resources/org/ganbook/nn/conv-transpose2d.pt, the TorchScript module behind TransposedConv2d.

DJL's PyTorch engine has no transposed convolution (its Conv2dTranspose throws "Not implemented" there), but
libtorch has one: `torch.conv_transpose2d`, what `nn.ConvTranspose2d` runs. DJL can run a TorchScript module's
forward method with autograd recording, so ganbook ships this tiny module (a few kB of TorchScript source, no
weights) and `org.ganbook.nn.LibtorchConvTranspose` calls it. Off the PyTorch engine, TransposedConv2d computes
the same values as a convolution followed by a pixel shuffle.

Run with PyTorch 2.7.1, the libtorch of DJL's native library (the benchmark's environment has it):

    .venv-bench/bin/python src/scripts/make_conv_transpose.py

It checks the module's values and gradients against nn.ConvTranspose2d, bit for bit, before writing it. Not part
of the build: the output is committed.
"""

import os
from typing import List, Optional

import torch

import bundled_module

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "org", "ganbook", "nn",
                   "conv-transpose2d.pt")


class ConvTranspose2d(torch.nn.Module):
    def forward(self, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor,
                settings: torch.Tensor) -> torch.Tensor:
        """torch.conv_transpose2d with one group.

        bias: (C_out), or an empty tensor for none; settings: int64 (8), stride, padding, output padding and
        dilation, each as (height, width)."""
        s: List[int] = settings.tolist()
        b: Optional[torch.Tensor] = None
        if bias.numel() > 0:
            b = bias
        return torch.conv_transpose2d(x, weight, b, [s[0], s[1]], [s[2], s[3]], [s[4], s[5]], 1, [s[6], s[7]])


def check(module):
    torch.manual_seed(0)
    cases = [  # batch, c_in, c_out, h, w, kernel, stride, padding, output padding, dilation, bias
        (4, 8, 5, 7, 7, 4, 2, 1, 0, 1, False),   # the DCGAN layer
        (2, 3, 1, 14, 14, 4, 2, 1, 0, 1, True),  # its last layer
        (2, 3, 4, 5, 4, 3, 2, 1, 1, 2, True),
        (1, 2, 3, 3, 5, (6, 3), (3, 2), (1, 0), (2, 1), (1, 2), True),
    ]
    for batch, c_in, c_out, h, w, k, s, p, op, d, has_bias in cases:
        pair = lambda v: v if isinstance(v, tuple) else (v, v)
        layer = torch.nn.ConvTranspose2d(c_in, c_out, k, s, p, op, bias=has_bias, dilation=d)
        x = torch.randn(batch, c_in, h, w, requires_grad=True)
        x2 = x.detach().clone().requires_grad_()
        weight = layer.weight.detach().clone().requires_grad_()
        bias = layer.bias.detach().clone().requires_grad_() if has_bias else torch.empty(0)
        settings = torch.tensor([*pair(s), *pair(p), *pair(op), *pair(d)], dtype=torch.int64)
        expected = layer(x)
        got = module(x2, weight, bias, settings)
        assert torch.equal(expected, got), f"values differ from nn.ConvTranspose2d: {(batch, c_in, c_out, h, w, k, s)}"
        r = torch.randn_like(expected)
        (expected * r).sum().backward()
        (got * r).sum().backward()
        assert torch.equal(x.grad, x2.grad), "input gradient differs"
        assert torch.equal(layer.weight.grad, weight.grad), "weight gradient differs"
        if has_bias:
            assert torch.equal(layer.bias.grad, bias.grad), "bias gradient differs"
    return len(cases)


def main():
    bundled_module.write(ConvTranspose2d, check, OUT, lambda count: f"values and input, weight and bias gradients bit for bit nn.ConvTranspose2d's on {count} cases")


if __name__ == "__main__":
    main()
