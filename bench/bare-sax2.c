/* Baseline for bench/parse-throughput.sh: libxml2's SAX2 push parser with
 * callbacks that only count and the same options as FeedParser, in both of
 * FeedParser's ways of pushing: 64 KiB chunks (documents over 16 MiB) and the
 * whole document in one push that also ends it (all others). The faster of the
 * two is the limit. (A pull parse, xmlCreateMemoryParserCtxt + xmlParseDocument,
 * was slower than either on this corpus and is not a mode of FeedParser.)
 * Usage: bare-sax2 [corpus-dir] [rounds] [whole|chunks] (default: both modes;
 * one mode alone is for counting its instructions under callgrind). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>

static long elements;
static void start(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn,
                  const xmlChar **ns, int na, int nd, const xmlChar **a) { elements++; }
static void chars(void *ctx, const xmlChar *c, int n) {}
static void serr(void *ctx, xmlErrorPtr e) {}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "../shared/corpus/real-feeds";
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    char *docs[512]; size_t sizes[512]; int n = 0; size_t total = 0;
    DIR *d = opendir(dir); struct dirent *e;
    while (d && (e = readdir(d)) && n < 512) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".md") || strncmp(e->d_name, "LICENSE", 7) == 0) continue;
        char path[4096]; snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb"); if (!f) continue;
        fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
        docs[n] = malloc(size); sizes[n] = fread(docs[n], 1, size, f); fclose(f);
        total += sizes[n]; n++;
    }
    xmlInitParser();
    xmlSAXHandler h; memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC; h.startElementNs = start; h.characters = chars; h.cdataBlock = chars; h.serror = serr;
    const char *only = argc > 3 ? argv[3] : "";
    for (int whole = 0; whole <= 1; whole++) {
        if ((strcmp(only, "whole") == 0 && !whole) || (strcmp(only, "chunks") == 0 && whole)) continue;
        double best = 1e9;
        elements = 0;
        for (int r = 0; r < rounds; r++) {
            struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
            for (int i = 0; i < n; i++) {
                xmlParserCtxtPtr c = xmlCreatePushParserCtxt(&h, NULL, NULL, 0, NULL);
                xmlCtxtUseOptions(c, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
                if (whole) {
                    xmlParseChunk(c, docs[i], (int)sizes[i], 1);
                } else {
                    for (size_t o = 0; o < sizes[i]; o += 65536) {
                        size_t len = sizes[i] - o < 65536 ? sizes[i] - o : 65536;
                        xmlParseChunk(c, docs[i] + o, (int)len, 0);
                    }
                    xmlParseChunk(c, NULL, 0, 1);
                }
                xmlFreeParserCtxt(c);
            }
            clock_gettime(CLOCK_MONOTONIC, &b);
            double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
            if (s < best) best = s;
        }
        printf("bare libxml2 SAX2 push, %s: %d files, %.1f MB, %ld elements/round, best of %d: %.3f s = %.1f MB/s, %.0f feeds/s\n",
               whole ? "whole document" : "64 KiB chunks", n, total / 1e6, elements / rounds, rounds, best, total / 1e6 / best, n / best);
    }
    return 0;
}
