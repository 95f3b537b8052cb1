/* Replays blocks through libdrivechain: one block per line of hex in FILE, connected in order from height 1.
 * Prints "accept <state digest>" or "reject <code>" per block. A vector file's blocks become such a file with
 *   python3 -c 'import json,sys; [print(b["hex"]) for b in json.load(open(sys.argv[1]))["blocks"]]' vector.json
 * Build: cc -I../../include replay.c -L<dir of libdrivechain.so> -ldrivechain -o replay
 * Usage: replay NETWORK|PARAMS_JSON FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "drivechain.h"

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s NETWORK|PARAMS_JSON FILE\n", argv[0]); return 2; }
    dc_validator *validator = argv[1][0] == '{' ? dc_validator_create_json(argv[1]) : dc_validator_create(argv[1]);
    if (!validator) { fprintf(stderr, "error: %s\n", dc_last_error()); return 1; }
    FILE *file = fopen(argv[2], "r");
    if (!file) { perror(argv[2]); return 1; }

    dc_state *state = dc_state_empty();
    size_t cap = 1 << 20, used = 0;
    char *line = malloc(cap);
    uint8_t *block = NULL;
    int32_t height = 0;
    int c;
    for (;;) {
        used = 0;
        while ((c = fgetc(file)) != EOF && c != '\n') {
            if (used + 1 >= cap) line = realloc(line, cap *= 2);
            line[used++] = (char)c;
        }
        if (used == 0 && c == EOF) break;
        if (used == 0) continue;
        block = realloc(block, used / 2);
        for (size_t i = 0; i + 1 < used; i += 2) block[i / 2] = (uint8_t)(hex_value(line[i]) << 4 | hex_value(line[i + 1]));

        dc_state *next = NULL;
        dc_undo *undo = NULL;
        char reject[64];
        int rc = dc_connect_block(validator, state, block, used / 2, height + 1, &next, &undo, reject, sizeof reject);
        if (rc == 0) {
            uint8_t digest[32];
            dc_state_digest(next, digest);
            printf("accept ");
            for (int i = 31; i >= 0; i--) printf("%02x", digest[i]);
            printf("\n");
            dc_state_free(state);
            dc_undo_free(undo);
            state = next;
            height++;
        } else if (rc == 1) {
            printf("reject %s\n", reject);
        } else {
            fprintf(stderr, "error: %s\n", dc_last_error());
            return 1;
        }
    }
    dc_state_free(state);
    dc_validator_destroy(validator);
    free(line);
    free(block);
    fclose(file);
    return 0;
}
