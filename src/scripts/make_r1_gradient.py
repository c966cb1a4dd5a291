"""Writes src/main/resources/org/ganbook/train/r1-gradient.pt, the TorchScript module behind the R1 penalty.

R1 needs the gradient of D's logits with respect to D's input as an array autograd can differentiate again (the
penalty's own gradient with respect to D's weights is a second derivative). DJL's Java API can only ask for it
with a backward pass that builds a graph (`backward(create_graph=True)`), which leaves in every weight a
gradient holding a graph back to that weight: a reference cycle that frees nothing, the memory leak PyTorch's
documentation of `backward` warns about. PyTorch's answer is `torch.autograd.grad(..., create_graph=True)`,
which returns the gradient and sets no `.grad` anywhere. DJL can run a TorchScript module's forward method with
autograd recording, so ganbook ships this tiny module (a few kB of TorchScript source, no weights) and
`org.ganbook.train.R1Penalty` calls it.

Run with PyTorch 2.7.1, the libtorch of DJL's native library (the benchmark's environment has it):

    .venv-bench/bin/python src/scripts/make_r1_gradient.py

It checks, bit for bit, that the module's gradient and the penalty's gradient with respect to D's weights equal
those of backward(create_graph=True), and that no weight is left with a gradient, before writing it. Not part of
the build: the output is committed.
"""

import os
from typing import List, Optional

import torch

import bundled_module

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "org", "ganbook", "train",
                   "r1-gradient.pt")


class InputGradient(torch.nn.Module):
    def forward(self, x: torch.Tensor, logits: torch.Tensor) -> torch.Tensor:
        """The gradient of logits.sum() with respect to x, as a differentiable array (create_graph=True)."""
        outputs: List[torch.Tensor] = [logits.sum()]
        inputs: List[torch.Tensor] = [x]
        gradients: List[Optional[torch.Tensor]] = torch.autograd.grad(outputs, inputs, create_graph=True)
        gradient = gradients[0]
        assert gradient is not None
        return gradient


def penalty(gradient, gamma):
    return gradient.reshape(gradient.shape[0], -1).square().sum(1).mean() * (gamma / 2)


def check(module):
    torch.manual_seed(0)
    d = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.LeakyReLU(0.2), torch.nn.Linear(16, 16),
                            torch.nn.LeakyReLU(0.2), torch.nn.Linear(16, 1))
    x = torch.randn(8, 4)

    # the old way: backward(create_graph=True), then the input's .grad; the weights' gradients cleared
    reference_x = x.clone().requires_grad_()
    logits = d(reference_x)
    logits.sum().backward(create_graph=True)
    reference_gradient = reference_x.grad
    for w in d.parameters():
        w.grad = None
    penalty(reference_gradient, 2.0).backward()
    reference_weight_gradients = [None if w.grad is None else w.grad.clone() for w in d.parameters()]
    for w in d.parameters():
        w.grad = None

    # the module
    module_x = x.clone().requires_grad_()
    gradient = module(module_x, d(module_x))
    assert module_x.grad is None and all(w.grad is None for w in d.parameters()), "the module set a .grad"
    assert gradient.grad_fn is not None, "the gradient is not differentiable"
    assert torch.equal(gradient, reference_gradient.detach()), "the input gradient differs from backward's"
    penalty(gradient, 2.0).backward()
    for w, r in zip(d.parameters(), reference_weight_gradients):
        # (the last layer's bias gets none: the input gradient does not depend on it)
        assert (w.grad is None and r is None) or torch.equal(w.grad, r), "the penalty's gradient in D's weights differs"
        assert w.grad is None or w.grad.grad_fn is None, "a weight's gradient carries a graph"


def main():
    bundled_module.write(InputGradient, check, OUT, lambda _: "the input gradient and the penalty's gradients in D's weights bit for bit those of "
                 "backward(create_graph=True), no .grad set")


if __name__ == "__main__":
    main()
