"""ctypes binding of libdrivechain (include/drivechain.h): Drivechain (BIP300/301) consensus rules from Python.

    lib = Library("/path/to/libdrivechain.so")
    validator = lib.validator("regtest")            # or lib.validator_json(params_dict)
    state = lib.empty_state()
    verdict = validator.connect(state, block_bytes, height)
    if verdict.accepted: state = verdict.state      # keep verdict.undo to disconnect
    else: print(verdict.code)                       # e.g. "M8_NOT_ACCEPTED"
"""
import ctypes
import json
from ctypes import POINTER, byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint8, c_void_p


class DrivechainError(Exception):
    """A call into libdrivechain failed; the message is dc_last_error()."""


class Verdict:
    def __init__(self, accepted, state=None, undo=None, code=None):
        self.accepted, self.state, self.undo, self.code = accepted, state, undo, code


class _Handle:
    def __init__(self, lib, pointer, free):
        self._lib, self._ptr, self._free = lib, pointer, free

    def __del__(self):
        if getattr(self, "_ptr", None):
            self._free(self._ptr)
            self._ptr = None


class State(_Handle):
    def to_bytes(self):
        needed = c_size_t(0)
        self._lib._f.dc_state_serialize(self._ptr, None, 0, byref(needed))
        buffer = (c_uint8 * needed.value)()
        if self._lib._f.dc_state_serialize(self._ptr, buffer, needed, byref(needed)) != 0:
            raise self._lib._error()
        return bytes(buffer)

    def digest(self):
        out = (c_uint8 * 32)()
        self._lib._f.dc_state_digest(self._ptr, out)
        return bytes(out)[::-1].hex()          # display order, as the CLI and RPC show it

    def json(self):
        text = self._lib._f.dc_state_json(self._ptr)
        if not text:
            raise self._lib._error()
        try:
            return json.loads(ctypes.cast(text, c_char_p).value.decode())
        finally:
            self._lib._f.dc_string_free(text)


class Undo(_Handle):
    pass


class Validator(_Handle):
    def connect(self, state, block, height):
        nxt, undo = c_void_p(), c_void_p()
        reject = ctypes.create_string_buffer(64)
        data = (c_uint8 * len(block)).from_buffer_copy(block)
        rc = self._lib._f.dc_connect_block(self._ptr, state._ptr, data, len(block), height, byref(nxt), byref(undo), reject, 64)
        if rc == 0:
            return Verdict(True, State(self._lib, nxt.value, self._lib._f.dc_state_free),
                           Undo(self._lib, undo.value, self._lib._f.dc_undo_free))
        if rc == 1:
            return Verdict(False, code=reject.value.decode())
        raise self._lib._error()

    def disconnect(self, state, undo):
        ptr = self._lib._f.dc_disconnect_block(self._ptr, state._ptr, undo._ptr)
        if not ptr:
            raise self._lib._error()
        return State(self._lib, ptr, self._lib._f.dc_state_free)


class Library:
    def __init__(self, path):
        f = self._f = ctypes.CDLL(path)
        f.dc_version.restype = c_char_p
        f.dc_last_error.restype = c_char_p
        for name in ("dc_validator_create", "dc_validator_create_json"):
            getattr(f, name).restype = c_void_p
            getattr(f, name).argtypes = [c_char_p]
        f.dc_validator_destroy.argtypes = [c_void_p]
        f.dc_state_empty.restype = c_void_p
        f.dc_state_parse.restype = c_void_p
        f.dc_state_parse.argtypes = [POINTER(c_uint8), c_size_t]
        f.dc_state_serialize.argtypes = [c_void_p, POINTER(c_uint8), c_size_t, POINTER(c_size_t)]
        f.dc_state_digest.argtypes = [c_void_p, POINTER(c_uint8)]
        f.dc_state_json.restype = c_void_p
        f.dc_state_json.argtypes = [c_void_p]
        f.dc_state_free.argtypes = [c_void_p]
        f.dc_connect_block.argtypes = [c_void_p, c_void_p, POINTER(c_uint8), c_size_t, c_int32,
                                       POINTER(c_void_p), POINTER(c_void_p), c_char_p, c_size_t]
        f.dc_disconnect_block.restype = c_void_p
        f.dc_disconnect_block.argtypes = [c_void_p, c_void_p, c_void_p]
        f.dc_undo_free.argtypes = [c_void_p]
        f.dc_compute_m6id.argtypes = [POINTER(c_uint8), c_size_t, c_int64, POINTER(c_uint8)]
        f.dc_decode_message.restype = c_void_p
        f.dc_decode_message.argtypes = [POINTER(c_uint8), c_size_t]
        f.dc_string_free.argtypes = [c_void_p]
        f.dc_connect_block.restype = c_int

    def _error(self):
        return DrivechainError((self._f.dc_last_error() or b"unknown error").decode())

    def version(self):
        return self._f.dc_version().decode()

    def validator(self, network):
        ptr = self._f.dc_validator_create(network.encode())
        if not ptr:
            raise self._error()
        return Validator(self, ptr, self._f.dc_validator_destroy)

    def validator_json(self, params):
        ptr = self._f.dc_validator_create_json(json.dumps(params).encode())
        if not ptr:
            raise self._error()
        return Validator(self, ptr, self._f.dc_validator_destroy)

    def empty_state(self):
        return State(self, self._f.dc_state_empty(), self._f.dc_state_free)

    def parse_state(self, data):
        ptr = self._f.dc_state_parse((c_uint8 * len(data)).from_buffer_copy(data), len(data))
        if not ptr:
            raise self._error()
        return State(self, ptr, self._f.dc_state_free)

    def decode_message(self, script):
        text = self._f.dc_decode_message((c_uint8 * len(script)).from_buffer_copy(script), len(script))
        if not text:
            raise self._error()
        try:
            return json.loads(ctypes.cast(text, c_char_p).value.decode())
        finally:
            self._f.dc_string_free(text)
