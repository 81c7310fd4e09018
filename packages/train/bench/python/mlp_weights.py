"""The example/reference MLP on the Python side: float32 files written by float-files.ts."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "bench", "python"))


def load_float32(path, shape):
    """A raw little-endian float32 file as an array of `shape` (checked against the file size)."""
    values = np.fromfile(path, dtype="<f4")
    expected = int(np.prod(shape))
    if values.size != expected:
        raise SystemExit(f"{path}: {values.size} float32 values, expected {expected} for shape {shape}")
    return values.reshape(shape)


def parse_sizes(text):
    """`8,64,32,1` → [8, 64, 32, 1]."""
    return [int(part) for part in text.split(",")]


def load_weights(directory, sizes):
    """Kernels (in × out, as TF.js holds them) and biases of each dense layer: w<i>.f32, b<i>.f32."""
    kernels, biases = [], []
    for i in range(len(sizes) - 1):
        kernels.append(load_float32(os.path.join(directory, f"w{i}.f32"), (sizes[i], sizes[i + 1])))
        biases.append(load_float32(os.path.join(directory, f"b{i}.f32"), (sizes[i + 1],)))
    return kernels, biases


def torch_mlp(sizes, activation, kernels=None, biases=None):
    """nn.Sequential of Linear layers with `activation` between them and a linear output."""
    import torch
    from torch import nn

    activations = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
    if activation not in activations:
        raise SystemExit(f"activation {activation} has no PyTorch counterpart here")
    layers = []
    for i in range(len(sizes) - 1):
        linear = nn.Linear(sizes[i], sizes[i + 1])
        if kernels is not None:
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernels[i].T)))
                linear.bias.copy_(torch.from_numpy(biases[i]))
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(activations[activation]())
    return nn.Sequential(*layers)


def sklearn_activation(activation):
    """MLPRegressor's name for the hidden activation."""
    names = {"relu": "relu", "tanh": "tanh", "sigmoid": "logistic"}
    if activation not in names:
        raise SystemExit(f"activation {activation} has no scikit-learn counterpart here")
    return names[activation]
