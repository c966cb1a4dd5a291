"""The PyTorch reference of ganbook's benchmark: the same models and the same two-phase step.

Written as a user would write it in plain, eager PyTorch, mirroring org.ganbook.train.GanTrainer:

* discriminator step: a batch of real samples (label 1) and an equal batch of G's fakes (label 0,
  made without autograd and detached) are concatenated; one Adam step of D on binary cross-entropy
  with logits;
* generator step: D's parameters frozen (requires_grad False), *fresh* noise through G then D (both
  in training mode, as ganbook does), non-saturating loss softplus(-logit) on the logits, one Adam
  step of G; D unfrozen;
* each step reads back its loss and D's mean outputs, as ganbook's steps return them;
* Adam(lr 2e-4, betas (0.5, 0.999), eps 1e-8), PyTorch's default implementation (a for-loop over the
  parameters on a CPU), or its fused kernel with GANBOOK_BENCH_TORCH_ADAM=fused;
* a D with BatchNorm (the DCGAN) judges real and fake batches in two passes, as ganbook does.

The networks mirror ganbook's blocks: LeakyReLU 0.2, BatchNorm (momentum 0.1 in PyTorch's
convention = DJL's 0.9, eps 1e-5) where ganbook has it, nearest-neighbour up-sampling then a 3x3
convolution in the DCGAN generator (nn.ConvTranspose2d, 4x4 stride 2, in dcgan-tconv), no bias before BatchNorm, logits out of every discriminator.

Modes (driven by bench.py):
  reference.py worker CONFIG      then commands on stdin: "run N" / "quit"; answers "@@ {json}"
  reference.py quality MAX EVERY OUTDIR [CONFIG [SEED]]   trains CONFIG (default the MNIST MLP GAN), dumps
                                          2,000 samples every EVERY iterations as OUTDIR/samples-ITER-SECONDS.f32
  reference.py layer upsample|tconv REPEATS   times the DCGAN generator's widest layer, forward + backward
  reference.py flops              prints the analytic FLOPs per iteration of every configuration
"""

import json
import struct
import gzip
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ------------------------------------------------------------------------------------- data

def load_mnist_digits():
    """The 10,000 MNIST digits that ship with ganbook (src/data/mnist, what Datasets.mnist() reads), as uint8,
    in the same order."""
    folder = os.path.join(ROOT, "src", "data", "mnist")
    try:
        with gzip.open(os.path.join(folder, "train-images-idx3-ubyte.gz")) as f:
            magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
            images = torch.frombuffer(bytearray(f.read(n * rows * cols)), dtype=torch.uint8).view(n, 1, rows, cols)
        with gzip.open(os.path.join(folder, "train-labels-idx1-ubyte.gz")) as f:
            magic, n = struct.unpack(">II", f.read(8))
            labels = torch.frombuffer(bytearray(f.read(n)), dtype=torch.uint8).long()
    except OSError as e:
        raise SystemExit(f"the shipped MNIST digits could not be read from {folder}: {e}")
    return images, labels


class EpochSampler:
    """Shuffled epochs over an in-memory uint8 image set; batches scaled to [-1, 1] (pixel / 127.5 - 1)."""

    def __init__(self, images, labels, generator):
        self.images, self.labels, self.generator = images, labels, generator
        self.order = torch.empty(0, dtype=torch.long)
        self.position = 0

    def next(self, n):
        chosen = []
        while n > 0:
            if self.position == len(self.order):
                self.order = torch.randperm(len(self.images), generator=self.generator)
                self.position = 0
            take = min(n, len(self.order) - self.position)
            chosen.append(self.order[self.position:self.position + take])
            self.position += take
            n -= take
        index = torch.cat(chosen) if len(chosen) > 1 else chosen[0]
        return self.images[index].float() / 127.5 - 1, self.labels[index]


class RingSampler:
    """8 Gaussians of std 0.02 on a circle of radius 2 (ganbook's Toys.ring())."""

    def __init__(self, generator):
        angles = torch.arange(8, dtype=torch.float32) * (2 * math.pi / 8)
        self.modes = torch.stack([2 * torch.cos(angles), 2 * torch.sin(angles)], dim=1)
        self.generator = generator

    def next(self, n):
        k = torch.randint(0, 8, (n,), generator=self.generator)
        return self.modes[k] + 0.02 * torch.randn(n, 2, generator=self.generator), None


# ------------------------------------------------------------------------------------- models

def mlp_generator(coding, hidden, out_shape, tanh=True, extra_inputs=0):
    layers, width = [], coding + extra_inputs
    for units in hidden:
        layers += [nn.Linear(width, units), nn.LeakyReLU(0.2)]
        width = units
    layers.append(nn.Linear(width, math.prod(out_shape)))
    if tanh:
        layers.append(nn.Tanh())
    layers.append(nn.Unflatten(1, out_shape))
    return nn.Sequential(*layers)


def mlp_discriminator(in_size, hidden, extra_inputs=0):
    layers, width = [nn.Flatten()], in_size + extra_inputs
    for units in hidden:
        layers += [nn.Linear(width, units), nn.LeakyReLU(0.2)]
        width = units
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)


class ConditionalGenerator(nn.Module):
    """G(z, y): z concatenated with the one-hot label, then the MLP generator (ganbook's Conditional.concat around an MlpGenerator)."""

    def __init__(self, coding, classes, hidden, out_shape):
        super().__init__()
        self.classes = classes
        self.net = mlp_generator(coding, hidden, out_shape, extra_inputs=classes)

    def forward(self, z, y):
        return self.net(torch.cat([z, F.one_hot(y, self.classes).float()], dim=1))


class ConditionalDiscriminator(nn.Module):
    """D(x, y): flattened x concatenated with the one-hot label, then the MLP discriminator."""

    def __init__(self, in_size, classes, hidden):
        super().__init__()
        self.classes = classes
        self.net = mlp_discriminator(in_size, hidden, extra_inputs=classes)

    def forward(self, x, y):
        return self.net(torch.cat([x.flatten(1), F.one_hot(y, self.classes).float()], dim=1))


def dcgan_generator(coding, c=32, transposed=False):
    if transposed:
        # what a PyTorch user writes for the DCGAN paper's generator: 4x4 stride-2 transposed convolutions
        return nn.Sequential(
            nn.Linear(coding, 4 * c * 7 * 7, bias=False),
            nn.Unflatten(1, (4 * c, 7, 7)),
            nn.BatchNorm2d(4 * c, eps=1e-5, momentum=0.1),
            nn.ReLU(),
            nn.ConvTranspose2d(4 * c, 2 * c, 4, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(2 * c, eps=1e-5, momentum=0.1),
            nn.ReLU(),
            nn.ConvTranspose2d(2 * c, 1, 4, stride=2, padding=1, bias=True),
            nn.Tanh(),
        )
    return nn.Sequential(
        nn.Linear(coding, 4 * c * 7 * 7, bias=False),
        nn.Unflatten(1, (4 * c, 7, 7)),
        nn.BatchNorm2d(4 * c, eps=1e-5, momentum=0.1),
        nn.ReLU(),
        nn.Upsample(scale_factor=2, mode="nearest"),
        nn.Conv2d(4 * c, 2 * c, 3, padding=1, bias=False),
        nn.BatchNorm2d(2 * c, eps=1e-5, momentum=0.1),
        nn.ReLU(),
        nn.Upsample(scale_factor=2, mode="nearest"),
        nn.Conv2d(2 * c, 1, 3, padding=1, bias=True),
        nn.Tanh(),
    )


def dcgan_discriminator(c=32):
    return nn.Sequential(
        nn.Conv2d(1, c, 4, stride=2, padding=1, bias=True),
        nn.LeakyReLU(0.2),
        nn.Conv2d(c, 2 * c, 4, stride=2, padding=1, bias=False),
        nn.BatchNorm2d(2 * c, eps=1e-5, momentum=0.1),
        nn.LeakyReLU(0.2),
        nn.Flatten(),
        nn.Linear(2 * c * 7 * 7, 1),
    )


def dcgan_init(module):
    """The DCGAN paper's start, as ganbook's Networks.useDcganInitialization: N(0, 0.02), gamma N(1, 0.02)."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)
    return module


CONFIGS = {
    # name: (G, D, coding size, batch size, data, conditional)
    "ring": lambda: (mlp_generator(2, (128, 128), (2,), tanh=False), mlp_discriminator(2, (128, 128)), 2, 256,
                     "ring", False),
    "mnist-mlp": lambda: (mlp_generator(100, (256, 512), (1, 28, 28)), mlp_discriminator(784, (512, 256)), 100, 64,
                          "mnist", False),
    "dcgan": lambda: (dcgan_init(dcgan_generator(100)), dcgan_init(dcgan_discriminator()), 100, 64, "mnist", False),
    "dcgan-tconv": lambda: (dcgan_init(dcgan_generator(100, transposed=True)), dcgan_init(dcgan_discriminator()), 100,
                            64, "mnist", False),
    "cond-mlp": lambda: (ConditionalGenerator(100, 10, (256, 512), (1, 28, 28)),
                         ConditionalDiscriminator(784, 10, (512, 256)), 100, 64, "mnist", True),
}


# ------------------------------------------------------------------------------------- the step

class Trainer:
    def __init__(self, name, seed=42, lr=2e-4):
        torch.manual_seed(seed)
        self.G, self.D, self.coding, self.batch, data, self.conditional = CONFIGS[name]()
        self.G.train()
        self.D.train()
        # with GANBOOK_BENCH_TORCH_LAYOUT=channels_last, G's convolution weights (and so its feature maps from
        # the first convolution on) are laid out channels-last, the change ganbook's DCGAN generator makes
        self.layout = os.environ.get("GANBOOK_BENCH_TORCH_LAYOUT", "default")
        if self.layout == "channels_last":
            self.G.to(memory_format=torch.channels_last)
        elif self.layout != "default":
            raise ValueError(f"GANBOOK_BENCH_TORCH_LAYOUT: default or channels_last, got {self.layout}")
        self.rng = torch.Generator().manual_seed(seed)
        if data == "ring":
            self.sampler = RingSampler(self.rng)
        else:
            images, labels = load_mnist_digits()
            self.sampler = EpochSampler(images, labels, self.rng)
        self.split_batch_norm = any(isinstance(m, nn.BatchNorm2d) for m in self.D.modules())
        # the default Adam (what a user writes), or with GANBOOK_BENCH_TORCH_ADAM=fused the fused kernel
        # that ganbook's Adam calls, to compare the rest of the step on equal terms
        fused = os.environ.get("GANBOOK_BENCH_TORCH_ADAM") == "fused"
        self.adam = "fused Adam" if fused else "default Adam"
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999), eps=1e-8, fused=fused or None)
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999), eps=1e-8, fused=fused or None)
        self.iteration = 0
        self.last = None

    def _g(self, z, y):
        return self.G(z, y) if self.conditional else self.G(z)

    def _d(self, x, y):
        return self.D(x, y) if self.conditional else self.D(x)

    def discriminator_step(self):
        real, real_labels = self.sampler.next(self.batch)
        n = real.shape[0]
        z = torch.randn(n, self.coding, generator=self.rng)
        fake_labels = torch.randint(0, 10, (n,), generator=self.rng) if self.conditional else None
        with torch.no_grad():
            fake = self._g(z, fake_labels)          # detached: G is untouched by D's step
        targets = torch.cat([torch.ones(n, 1), torch.zeros(n, 1)], dim=0)
        if self.split_batch_norm:
            # as ganbook (and PyTorch's DCGAN example): a D with BatchNorm judges the real and the fake
            # half in separate passes, so each is normalised on its own; the loss is the mean over 2n
            logits = torch.cat([self._d(real, real_labels), self._d(fake, fake_labels)], dim=0)
        else:
            samples = torch.cat([real, fake], dim=0)
            labels = torch.cat([real_labels, fake_labels], dim=0) if self.conditional else None
            logits = self._d(samples, labels)
        loss = F.binary_cross_entropy_with_logits(logits, targets)
        loss_value = loss.item()
        if not math.isfinite(loss_value):
            raise FloatingPointError(f"discriminator loss {loss_value} at iteration {self.iteration}")
        self.opt_d.zero_grad(set_to_none=True)
        loss.backward()
        self.opt_d.step()
        p = torch.sigmoid(logits.detach())
        return loss_value, p[:n].mean().item(), p[n:].mean().item()

    def generator_step(self):
        z = torch.randn(self.batch, self.coding, generator=self.rng)
        labels = torch.randint(0, 10, (self.batch,), generator=self.rng) if self.conditional else None
        for p in self.D.parameters():
            p.requires_grad_(False)
        try:
            logits = self._d(self._g(z, labels), labels)
            loss = F.softplus(-logits).mean()       # non-saturating: -log D(G(z)) on logits
            loss_value = loss.item()
            if not math.isfinite(loss_value):
                raise FloatingPointError(f"generator loss {loss_value} at iteration {self.iteration}")
            self.opt_g.zero_grad(set_to_none=True)
            loss.backward()
        finally:
            for p in self.D.parameters():
                p.requires_grad_(True)
        self.opt_g.step()
        return loss_value, torch.sigmoid(logits.detach()).mean().item()

    def fit(self, iterations):
        for _ in range(iterations):
            d = self.discriminator_step()
            g = self.generator_step()
            self.last = (d, g)
            self.iteration += 1
        return self.last

    def generate(self, n, seed):
        gen = torch.Generator().manual_seed(seed)
        z = torch.randn(n, self.coding, generator=gen)
        self.G.eval()
        with torch.no_grad():
            out = self._g(z, torch.randint(0, 10, (n,), generator=gen) if self.conditional else None)
        self.G.train()
        return out


# ------------------------------------------------------------------------------------- FLOPs

def flops_per_iteration(name):
    """Analytic floating-point operations of one iteration (D step + G step), multiply-add = 2.

    Only the matrix products and convolutions are counted (element-wise work is < 1 %): a layer whose
    forward costs F costs 2F backward when both the input gradient and the weight gradient are needed,
    and F when only one is (the first layer of the network being differentiated needs no input gradient;
    a frozen layer needs no weight gradient).
    """
    G, D, coding, batch, _, conditional = CONFIGS[name]()
    records = []

    def hook(module, inputs, output):
        if isinstance(module, nn.Linear):
            records.append((module, 2 * output.shape[0] * module.in_features * module.out_features))
        elif isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            records.append((module, 2 * output.numel() * module.in_channels * k // module.groups))
        elif isinstance(module, nn.ConvTranspose2d):
            # every input pixel stamps a kernel onto every output channel
            k = module.kernel_size[0] * module.kernel_size[1]
            records.append((module, 2 * inputs[0].numel() * module.out_channels * k // module.groups))

    def forward_costs(model, *inputs):
        records.clear()
        handles = [m.register_forward_hook(hook) for m in model.modules()]
        with torch.no_grad():
            model(*inputs)
        for h in handles:
            h.remove()
        return [c for _, c in records]

    def inputs_g(n):
        z = torch.randn(n, coding)
        return (z, torch.zeros(n, dtype=torch.long)) if conditional else (z,)

    def inputs_d(n):
        x = torch.randn(n, *((2,) if name == "ring" else (1, 28, 28)))
        return (x, torch.zeros(n, dtype=torch.long)) if conditional else (x,)

    g1 = forward_costs(G, *inputs_g(batch))
    d2 = forward_costs(D, *inputs_d(2 * batch))
    d1 = forward_costs(D, *inputs_d(batch))
    # D step: G forward (no grad), D forward + backward on 2n (no gradient wrt the input of D's first layer)
    d_step = sum(g1) + sum(d2) + sum(2 * c for c in d2[1:]) + d2[0]
    # G step: G forward + backward (no input gradient for G's first layer), D forward + input-gradient backward only
    g_step = sum(g1) + sum(2 * c for c in g1[1:]) + g1[0] + sum(d1) + sum(d1)
    return d_step + g_step


# ------------------------------------------------------------------------------------- modes

def status(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def reply(obj):
    sys.stdout.write("@@ " + json.dumps(obj) + "\n")
    sys.stdout.flush()


def set_threads():
    threads = int(os.environ.get("GANBOOK_BENCH_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)


def worker(name):
    t0 = time.perf_counter()
    set_threads()
    trainer = Trainer(name)
    layout = "" if trainer.layout == "default" else ", G " + trainer.layout
    reply({"ready": True, "impl": "pytorch", "engine": "PyTorch " + torch.__version__ + ", " + trainer.adam + layout,
           "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
           "setup_seconds": time.perf_counter() - t0, "rss_kb": status("VmRSS"), "hwm_kb": status("VmHWM")})
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] != "run":
            reply({"error": "unknown command " + line.strip()})
            continue
        steps = int(words[1])
        start, cpu_start = time.perf_counter(), time.process_time()
        (d_loss, _, _), (g_loss, _) = trainer.fit(steps)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        reply({"steps": steps, "seconds": seconds, "cpu_seconds": cpu_seconds, "rss_kb": status("VmRSS"), "hwm_kb": status("VmHWM"),
               "d_loss": d_loss, "g_loss": g_loss})


def quality(max_iterations, every, outdir, name="mnist-mlp", seed=42):
    set_threads()
    os.makedirs(outdir, exist_ok=True)
    trainer = Trainer(name, seed=seed)
    training, cpu = 0.0, 0.0
    for done in range(every, max_iterations + 1, every):
        start, cpu_start = time.perf_counter(), time.process_time()
        trainer.fit(every)
        training += time.perf_counter() - start
        cpu += time.process_time() - cpu_start
        samples = trainer.generate(2000, seed=done).contiguous().numpy().astype("<f4")
        samples.tofile(os.path.join(outdir, f"samples-{done}-{training:.3f}-{cpu:.3f}.f32"))
        reply({"impl": "pytorch", "iteration": done, "train_seconds": training, "train_cpu_seconds": cpu})


def layer(kind, repeats):
    """The DCGAN generator's widest layer alone (batch 64, 128 -> 64 channels, 7x7 -> 14x14), forward and
    backward (input and weight gradient), as GeneratorLayerBench.java times it."""
    set_threads()
    torch.manual_seed(0)
    if kind == "tconv":
        block = nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1, bias=False)
    else:
        block = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(128, 64, 3, padding=1, bias=False))
    x = torch.randn(64, 128, 7, 7, requires_grad=True)
    times, cpu_times = [], []
    for r in range(repeats + 3):
        start = time.perf_counter()
        cpu_start = time.process_time()
        x.grad = None
        block.zero_grad(set_to_none=True)
        block(x).sum().backward()
        x.grad.sum().item()
        if r >= 3:
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    times.sort()
    cpu_times.sort()
    reply({"impl": "pytorch", "layer": kind, "median_ms": 1000 * times[len(times) // 2],
           "median_cpu_ms": 1000 * cpu_times[len(cpu_times) // 2]})


def profile(name, repeats):
    """CPU time of the training thread per part of an iteration, as StepProfile.java measures ganbook's."""
    set_threads()
    trainer = Trainer(name)
    trainer.fit(3)
    parts = {"d_step_ms": [], "g_step_ms": [], "real_batch_ms": [], "g_forward_inference_ms": [],
             "g_forward_train_ms": [], "d_passes_backward_ms": []}
    targets = torch.cat([torch.ones(64, 1), torch.zeros(64, 1)], dim=0)
    for r in range(repeats):
        t = time.thread_time()
        trainer.discriminator_step()
        t1 = time.thread_time()
        trainer.generator_step()
        t2 = time.thread_time()
        real = trainer.sampler.next(64)[0]
        real.sum().item()
        t3 = time.thread_time()
        trainer.generate(64, seed=r).sum().item()
        t4 = time.thread_time()
        # the D step's two main parts on their own, as StepProfile.java times them: G's forward pass in
        # training mode without autograd, then D's two passes with the loss and the backward pass (no update)
        z = torch.randn(64, trainer.coding)
        t5 = time.thread_time()
        with torch.no_grad():
            fake = trainer.G(z)
        t6 = time.thread_time()
        logits = torch.cat([trainer.D(real), trainer.D(fake)], dim=0)
        F.binary_cross_entropy_with_logits(logits, targets).backward()
        logits.detach().sum().item()
        t7 = time.thread_time()
        trainer.D.zero_grad(set_to_none=True)
        for key, value in zip(parts, (t1 - t, t2 - t1, t3 - t2, t4 - t3, t6 - t5, t7 - t6)):
            parts[key].append(1000 * value)
    reply({"config": name, **{k: sorted(v)[len(v) // 2] for k, v in parts.items()}})


def main(argv):
    if len(argv) >= 2 and argv[0] == "worker":
        worker(argv[1])
    elif len(argv) >= 4 and argv[0] == "quality":
        quality(int(argv[1]), int(argv[2]), argv[3], *(argv[4:5]), *(int(a) for a in argv[5:6]))
    elif len(argv) >= 3 and argv[0] == "profile":
        profile(argv[1], int(argv[2]))
    elif len(argv) >= 3 and argv[0] == "layer":
        layer(argv[1], int(argv[2]))
    elif argv and argv[0] == "flops":
        print(json.dumps({name: flops_per_iteration(name) for name in CONFIGS}))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
