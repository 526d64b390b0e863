/* The tokenizer `benchmarks/single_index_probe.py` measures: could one FTS5 index serve both
 * the exact and the no-diacritics searches, in place of the archive's two?
 *
 * It tokenizes as `unicode61 remove_diacritics 0` (the exact index) and, by its argument:
 *   colocate  also emits, at the same position, the token's folded form behind U+F8F0 when
 *             the two differ (the folded index's terms, inside the exact index);
 *   record    emits the exact tokens only, and folds each term it has not seen before into a
 *             hash set: the cost of keeping the folded-to-accented vocabulary a query would
 *             expand a bare word from.
 * In queries, a token U+F8F2 a U+F8F2 b ... stands for its alternatives a, b, ... (FTS5
 * colocated query tokens), so a phrase can be given every accented form of each word.
 * Registered on every connection the process opens (sqlite3_auto_extension), as Python's
 * sqlite3 module can neither load an extension nor register a tokenizer itself. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define MARK_LEN 3
static const char FOLDED_MARK[] = "\xef\xa3\xb0";      /* U+F8F0 */
static const char ALTERNATIVE_MARK[] = "\xef\xa3\xb2"; /* U+F8F2 */
#define SEEN_SLOTS (1 << 22)
#define TOKEN_MAX 512

typedef struct {
    fts5_tokenizer unicode61;
    Fts5Tokenizer *exact;
    Fts5Tokenizer *fold;
    int colocate;
    unsigned long long *seen; /* record: hashes of the terms already folded */
} Probe;

typedef struct {
    Probe *probe;
    void *outer;
    int (*emit)(void *, int, const char *, int, int, int);
    char folded[MARK_LEN + TOKEN_MAX];
    int folded_len;
    int fold_tokens;
} Pass;

static int probe_create(void *api_ptr, const char **args, int n_args, Fts5Tokenizer **out) {
    fts5_api *api = (fts5_api *)api_ptr;
    const char *exact_args[] = {"remove_diacritics", "0"};
    const char *fold_args[] = {"remove_diacritics", "2"};
    void *user_data;
    Probe *probe = sqlite3_malloc(sizeof(Probe));
    if (!probe) return SQLITE_NOMEM;
    memset(probe, 0, sizeof(*probe));
    probe->colocate = n_args > 0 && strcmp(args[0], "colocate") == 0;
    int rc = api->xFindTokenizer(api, "unicode61", &user_data, &probe->unicode61);
    if (rc == SQLITE_OK) rc = probe->unicode61.xCreate(user_data, exact_args, 2, &probe->exact);
    if (rc == SQLITE_OK) rc = probe->unicode61.xCreate(user_data, fold_args, 2, &probe->fold);
    if (rc == SQLITE_OK && !probe->colocate) {
        probe->seen = calloc(SEEN_SLOTS, sizeof(unsigned long long));
        if (!probe->seen) rc = SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) {
        if (probe->exact) probe->unicode61.xDelete(probe->exact);
        if (probe->fold) probe->unicode61.xDelete(probe->fold);
        sqlite3_free(probe);
        return rc;
    }
    *out = (Fts5Tokenizer *)probe;
    return SQLITE_OK;
}

static void probe_delete(Fts5Tokenizer *tokenizer) {
    Probe *probe = (Probe *)tokenizer;
    probe->unicode61.xDelete(probe->exact);
    probe->unicode61.xDelete(probe->fold);
    free(probe->seen);
    sqlite3_free(probe);
}

static int on_folded(void *pass_ptr, int flags, const char *token, int len, int start, int end) {
    Pass *pass = (Pass *)pass_ptr;
    (void)flags, (void)start, (void)end;
    if (++pass->fold_tokens == 1 && len <= TOKEN_MAX) {
        memcpy(pass->folded + MARK_LEN, token, len);
        pass->folded_len = len;
    }
    return SQLITE_OK;
}

/* The folded form of one exact token, as the archive's folded index makes it: đ and Đ become
 * d first (they have no decomposition), then unicode61 with remove_diacritics 2. 1 if it is
 * one token and differs from the exact one. */
static int fold_token(Pass *pass, const char *token, int len) {
    char text[TOKEN_MAX];
    int n = 0;
    for (int i = 0; i < len; i++) {
        unsigned char byte = (unsigned char)token[i];
        unsigned char next = i + 1 < len ? (unsigned char)token[i + 1] : 0;
        if (byte == 0xc4 && (next == 0x90 || next == 0x91)) {
            text[n++] = next == 0x90 ? 'D' : 'd';
            i++;
        } else {
            text[n++] = token[i];
        }
    }
    pass->fold_tokens = 0;
    pass->folded_len = 0;
    if (pass->probe->unicode61.xTokenize(pass->probe->fold, pass, 0, text, n, on_folded) !=
        SQLITE_OK)
        return 0;
    return pass->fold_tokens == 1 &&
           (pass->folded_len != len || memcmp(pass->folded + MARK_LEN, token, len) != 0);
}

static int newly_seen(Probe *probe, const char *token, int len) {
    unsigned long long hash = 1469598103934665603ULL;
    for (int i = 0; i < len; i++) hash = (hash ^ (unsigned char)token[i]) * 1099511628211ULL;
    hash |= 1;
    unsigned long slot = hash & (SEEN_SLOTS - 1);
    while (probe->seen[slot]) {
        if (probe->seen[slot] == hash) return 0;
        slot = (slot + 1) & (SEEN_SLOTS - 1);
    }
    probe->seen[slot] = hash;
    return 1;
}

static int is_ascii(const char *token, int len) {
    for (int i = 0; i < len; i++)
        if ((unsigned char)token[i] >= 0x80) return 0;
    return 1;
}

static int emit_alternatives(Pass *pass, int flags, const char *token, int len, int start,
                             int end) {
    int first = 1, from = MARK_LEN;
    for (int i = MARK_LEN; i <= len; i++) {
        if (i < len && (i + MARK_LEN > len || memcmp(token + i, ALTERNATIVE_MARK, MARK_LEN)))
            continue;
        if (i > from) {
            int rc = pass->emit(pass->outer, first ? flags : FTS5_TOKEN_COLOCATED, token + from,
                                i - from, start, end);
            if (rc != SQLITE_OK) return rc;
            first = 0;
        }
        i += MARK_LEN - 1;
        from = i + 1;
    }
    return SQLITE_OK;
}

static int on_query_token(void *pass_ptr, int flags, const char *token, int len, int start,
                          int end) {
    Pass *pass = (Pass *)pass_ptr;
    if (len > MARK_LEN && memcmp(token, ALTERNATIVE_MARK, MARK_LEN) == 0)
        return emit_alternatives(pass, flags, token, len, start, end);
    return pass->emit(pass->outer, flags, token, len, start, end);
}

static int on_document_token(void *pass_ptr, int flags, const char *token, int len, int start,
                             int end) {
    Pass *pass = (Pass *)pass_ptr;
    int rc = pass->emit(pass->outer, flags, token, len, start, end);
    if (rc != SQLITE_OK || len > TOKEN_MAX || is_ascii(token, len)) return rc;
    if (!pass->probe->colocate) {
        if (newly_seen(pass->probe, token, len)) fold_token(pass, token, len);
        return SQLITE_OK;
    }
    if (!fold_token(pass, token, len)) return SQLITE_OK;
    memcpy(pass->folded, FOLDED_MARK, MARK_LEN);
    return pass->emit(pass->outer, FTS5_TOKEN_COLOCATED, pass->folded,
                      MARK_LEN + pass->folded_len, start, end);
}

static int probe_tokenize(Fts5Tokenizer *tokenizer, void *outer, int flags, const char *text,
                          int len, int (*emit)(void *, int, const char *, int, int, int)) {
    Probe *probe = (Probe *)tokenizer;
    Pass pass = {.probe = probe, .outer = outer, .emit = emit};
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    return probe->unicode61.xTokenize(probe->exact, &pass, flags, text, len,
                                      query ? on_query_token : on_document_token);
}

static int on_open(sqlite3 *db, char **error, const void *unused) {
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    static fts5_tokenizer methods = {probe_create, probe_delete, probe_tokenize};
    (void)error, (void)unused;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
        return SQLITE_OK;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api) return SQLITE_OK;
    return api->xCreateTokenizer(api, "pressmon_probe", (void *)api, &methods, NULL);
}

static PyObject *install(PyObject *self, PyObject *args) {
    (void)self, (void)args;
    if (sqlite3_auto_extension((void (*)(void))on_open) != SQLITE_OK) {
        PyErr_SetString(PyExc_RuntimeError, "sqlite3_auto_extension failed");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef functions[] = {
    {"install", install, METH_NOARGS, "Register pressmon_probe on every new connection."},
    {NULL, NULL, 0, NULL},
};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "single_index_probe", NULL, -1,
                                    functions};
PyMODINIT_FUNC PyInit_single_index_probe(void) { return PyModule_Create(&module); }
