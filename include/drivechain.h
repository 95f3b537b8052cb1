/* libdrivechain — the Drivechain (BIP300/301) consensus rules of Drivechain.NET as a C ABI.
 * Build: dotnet publish src/Drivechain.Native -c Release -r linux-x64  (NativeAOT; needs clang and zlib1g-dev)
 * Every call is safe with bad input: failures return -1 or NULL and dc_last_error() says why (per thread).
 * Thread-safe for distinct states; validators, states and undo records are immutable. */
#ifndef DRIVECHAIN_H
#define DRIVECHAIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dc_validator dc_validator;
typedef struct dc_state dc_state;
typedef struct dc_undo dc_undo;

const char *dc_version(void);
const char *dc_last_error(void);            /* thread-local, after any failure; owned by the library */

dc_validator *dc_validator_create(const char *network);      /* main|test|testnet4|signet|regtest; NULL on error */
dc_validator *dc_validator_create_json(const char *params);  /* a vector file's "params" object (vectors-format.md) */
void dc_validator_destroy(dc_validator *);

dc_state *dc_state_empty(void);
dc_state *dc_state_parse(const uint8_t *bytes, size_t len);
int  dc_state_serialize(const dc_state *, uint8_t *out, size_t cap, size_t *len); /* -1 with *len = needed */
void dc_state_digest(const dc_state *, uint8_t out[32]);     /* internal byte order (reverse for display) */
char *dc_state_json(const dc_state *);                       /* free with dc_string_free */
void dc_state_free(dc_state *);

/* 0 accepted (*next, *undo set), 1 rejected (code copied to reject, e.g. "M8_NOT_ACCEPTED"), -1 error */
int  dc_connect_block(dc_validator *, const dc_state *, const uint8_t *block, size_t len,
                      int32_t height, dc_state **next, dc_undo **undo, char *reject, size_t reject_cap);
dc_state *dc_disconnect_block(dc_validator *, const dc_state *, const dc_undo *);
int  dc_undo_serialize(const dc_undo *, uint8_t *out, size_t cap, size_t *len);
dc_undo *dc_undo_parse(const uint8_t *bytes, size_t len);
void dc_undo_free(dc_undo *);

/* mempool check of one transaction against the tip: 0 ok, 1 rejected (code), -1 error */
int  dc_check_transaction(dc_validator *, const dc_state *, const uint8_t tip_hash[32],
                          const uint8_t *tx, size_t len, char *reject, size_t reject_cap);
int  dc_compute_m6id(const uint8_t *tx, size_t len, int64_t ctip_value, uint8_t out[32]);
char *dc_decode_message(const uint8_t *script, size_t len);  /* JSON {type, name, ...}, as decodedrivechainmessage */
void dc_string_free(char *);

#ifdef __cplusplus
}
#endif
#endif
