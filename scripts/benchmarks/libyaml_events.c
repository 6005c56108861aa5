/*
 * The floor for reading a graph file through libyaml: parse FILE into events and drop them,
 * with the libyaml that Yams bundles (no node tree, no Swift). Yams' event API is not public,
 * so ActorGraph cannot read events; this measures what composing the tree costs on top.
 *
 * Build and run (from the repository, after `swift build` has fetched Yams):
 *   y=.build/checkouts/Yams/Sources/CYaml
 *   cc -O2 -I$y/include -DYAML_DECLARE_STATIC scripts/benchmarks/libyaml_events.c $y/src/*.c -o .build/libyaml_events
 *   .build/libyaml_events ba100k.yaml
 * Prints the number of events and the seconds spent parsing (the file is read first).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "yaml.h"

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: libyaml_events FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *text = malloc(size);
    if (fread(text, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, text, size);
    long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "error: %s at line %lu\n", parser.problem, (unsigned long)parser.problem_mark.line + 1);
            return 1;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%ld events, %.2f s\n", events, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(text);
    return 0;
}
