"""Replays drivechain-vectors/1 files through libdrivechain and checks each block's verdict and reject code against
the file (blocks expected to fail a base Bitcoin rule, code BASE, are outside this library). Prints one line per
vector and a closing "N passed, M failed"; exit code 0 when all pass.

    python3 replay_vectors.py /path/to/libdrivechain.so vectors/drivechain/*.json
"""
import json
import sys

from drivechain import DrivechainError, Library


def replay(lib, path):
    with open(path) as f:
        vector = json.load(f)
    validator = lib.validator_json(vector["params"])
    state, undos, height = lib.empty_state(), [], 0
    for index, entry in enumerate(vector["blocks"]):
        verdict = validator.connect(state, bytes.fromhex(entry["hex"]), height + 1)
        expect_accept = entry["expect"] == "accept"
        if verdict.accepted:
            before = state.digest()
            # Every accepted block disconnects back to the state before it, and its state survives a byte round trip.
            if validator.disconnect(verdict.state, verdict.undo).digest() != before:
                return f"block {index}: disconnect does not restore the previous state"
            if lib.parse_state(verdict.state.to_bytes()).digest() != verdict.state.digest():
                return f"block {index}: state does not survive serialization"
            state, height = verdict.state, height + 1
            undos.append(verdict.undo)
        if entry.get("code") == "BASE":
            continue
        if verdict.accepted != expect_accept:
            return f"block {index}: expected {entry['expect']}, got {'accept' if verdict.accepted else verdict.code}"
        if not expect_accept and entry.get("code") and verdict.code != entry["code"]:
            return f"block {index}: expected {entry['code']}, got {verdict.code}"
    return None


def main(argv):
    lib = Library(argv[1])
    passed = failed = 0
    for path in argv[2:]:
        try:
            problem = replay(lib, path)
        except DrivechainError as error:
            problem = f"library error: {error}"
        if problem is None:
            passed += 1
            print(f"PASS {path}")
        else:
            failed += 1
            print(f"FAIL {path}: {problem}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
