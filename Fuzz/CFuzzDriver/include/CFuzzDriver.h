#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (LLVMFuzzerRunDriver) with the command line and the function called for each input.
int agenda_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));
