/*
 * test_names.c - unit tests of cg_identifier and cg_names_claim: friendly
 * names become valid, non-reserved, unique C identifiers that always fit
 * their buffer with a terminator, acronyms and product names are words of
 * their own, and names that would leave OUT are refused.
 *
 * With "--corpus DIR" it checks instead every recommendationFriendlyName of
 * the metadata below DIR (the real corpus): a valid identifier that keeps
 * every letter and digit, splits no acronym ("VMs", "GPv2", "E2E") and no
 * product name ("VNet", "PostgreSql"). Exits 77 when DIR is absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "advisor/lint.h"
#include "names.h"
#include "reader/document.h"

static void expect_ident(const char *name, size_t n, const char *want)
{
    char out[256];
    assert_true(n <= sizeof(out));
    memset(out, 'X', sizeof(out));
    assert_int_equal(cg_identifier(name, strlen(name), out, n), 0);
    assert_true(memchr(out, '\0', n) != NULL); /* terminated inside the buffer */
    assert_string_equal(out, want);
}

static void test_words(void **state)
{
    (void)state;
    expect_ident("Right-size ADX cluster", 128, "right_size_adx_cluster");
    expect_ident("ExpressRouteGatewayRedundancy", 128, "express_route_gateway_redundancy");
    expect_ident("ADXCluster", 128, "adx_cluster");
    expect_ident("--", 128, "unnamed");
}

/* Acronyms are words: plurals, versions and digits inside them stay with them. */
static void test_acronyms(void **state)
{
    (void)state;
    expect_ident("ASRUnprotectedVMs", 128, "asr_unprotected_vms");
    expect_ident("StorageGPv1ToGPv2", 128, "storage_gpv1_to_gpv2");
    expect_ident("ExpressRouteGatewayE2EMonitoring", 128, "express_route_gateway_e2e_monitoring");
    expect_ident("HighP2SConnectionsVNetGateway", 128, "high_p2s_connections_vnet_gateway");
    expect_ident("DeprecatedKubernetesAPIIn116IsFound", 128,
                 "deprecated_kubernetes_api_in116_is_found");
    expect_ident("RemoveA8_A11Pools", 128, "remove_a8_a11_pools");
    expect_ident("Cisco1000vANUpgradeRecommendation", 128, "cisco1000v_an_upgrade_recommendation");
    expect_ident("Gen2VMs", 128, "gen2_vms");
    expect_ident("SQL2019Server", 128, "sql2019_server");
    expect_ident("LowUsageVmV2", 128, "low_usage_vm_v2");
    expect_ident("CheckPointPlatformServicingKnownIssueA", 128,
                 "check_point_platform_servicing_known_issue_a");
}

/* A few product names are one word, whatever their capitals. */
static void test_compounds(void **state)
{
    (void)state;
    expect_ident("HighCPUVNetGateway", 128, "high_cpu_vnet_gateway");
    expect_ident("OrcasPostgreSqlCpuOverload", 128, "orcas_postgresql_cpu_overload");
    expect_ident("PostgreSQLReservedCapacity", 128, "postgresql_reserved_capacity");
    expect_ident("HBaseClusterSize", 128, "hbase_cluster_size");
    expect_ident("MariaDBSQLReservedCapacity", 128, "mariadb_sql_reserved_capacity");
    expect_ident("MySQLReservedCapacity", 128, "mysql_reserved_capacity");
    expect_ident("IdleVNets", 128, "idle_vnets");
    /* only at a word's start: no "iot" inside "Idiot", no "vnet" inside "Avnetwork" */
    expect_ident("IdiotProof", 128, "idiot_proof");
    expect_ident("Avnetwork", 128, "avnetwork");
}

static void test_reserved(void **state)
{
    (void)state;
    expect_ident("int", 128, "int_");
    expect_ident("Static", 128, "static_");
    expect_ident("2 factor auth", 128, "r_2_factor_auth");
    /* C++'s keywords too: the headers are included from C++ */
    expect_ident("class", 128, "class_");
    expect_ident("This", 128, "this_");
}

/* A leading digit when the buffer is full: "r_" goes in front, the end gives way. */
static void test_digit_at_capacity(void **state)
{
    (void)state;
    expect_ident("1abc def", 8, "r_1abc");
    expect_ident("1abcdefgh", 8, "r_1abcd");
    expect_ident("9 x y z w", 8, "r_9_x_y");
}

static void test_keyword_at_capacity(void **state)
{
    (void)state;
    /* words stop 3 bytes before the end, so a keyword's suffix always fits */
    expect_ident("double", 8, "doubl");
    expect_ident("while", 8, "while_");
}

static void test_escape_refused(void **state)
{
    char out[64];
    (void)state;
    assert_int_equal(cg_identifier("../x", 4, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("/etc", 4, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("a/../b", 6, out, sizeof(out)), -1);
    assert_int_equal(cg_identifier("x", 1, out, 7), -1); /* N below 8 */
}

static void test_claim_unique(void **state)
{
    cg_names set;
    char a[32] = "rule", b[32] = "rule", c[32] = "rule";
    (void)state;
    cg_names_init(&set);
    assert_int_equal(cg_names_claim(&set, a, sizeof(a)), 0);
    assert_int_equal(cg_names_claim(&set, b, sizeof(b)), 0);
    assert_int_equal(cg_names_claim(&set, c, sizeof(c)), 0);
    assert_string_equal(a, "rule");
    assert_string_equal(b, "rule_2");
    assert_string_equal(c, "rule_3");
    cg_names_release(&set);
}

/* ---- --corpus DIR ---- */

static const char *const compounds[] = { "vnet", "postgresql", "mysql", "mariadb", "hbase" };

/*
 * Checks the identifier ID of NAME; prints what is wrong and returns 1 if
 * anything is. AT[i] is where in NAME the letter ID[i] came from.
 */
static int check_corpus_name(const char *name, const char *id)
{
    size_t at[128], i, k = 0, n = strlen(name), start;
    const char *p = id;
    int bad = 0;

    for (i = 0; i < n && !isalnum((unsigned char)name[i]); i++)
        ;
    if (i == n) /* nothing to name it by (an empty name in a template file) */
        return strcmp(id, "unnamed") != 0;
    if (!(islower((unsigned char)id[0]) || id[0] == '_') || strstr(id, "__")) {
        printf("BAD %-50s %s: not a lowercase identifier\n", name, id);
        return 1;
    }
    if (isdigit((unsigned char)name[0]) && !strncmp(p, "r_", 2))
        p += 2;
    /* every letter and digit kept, in order */
    for (i = 0; p[i]; i++) {
        if (p[i] == '_')
            continue;
        while (k < n && !(isalnum((unsigned char)name[k]) && (unsigned char)name[k] < 0x80))
            k++;
        if (k == n || tolower((unsigned char)name[k]) != p[i]) {
            printf("BAD %-50s %s: letters lost or changed\n", name, id);
            return 1;
        }
        at[i % 128] = k++;
    }
    /* a word of one capital split from an acronym ("v_ms", "g_pv1", "e2_e", "h_base") */
    for (i = 0, start = 0;; i++) {
        if (p[i] == '_' || p[i] == '\0') {
            if (i - start == 1 && isalpha((unsigned char)p[start])) {
                size_t q = at[start % 128];
                int cap = isupper((unsigned char)name[q]);
                int next_cap = q + 1 < n && isupper((unsigned char)name[q + 1]);
                int prev_digit = q > 0 && isdigit((unsigned char)name[q - 1]);
                if (cap && (next_cap || prev_digit)) {
                    printf("BAD %-50s %s: '%c' split from an acronym\n", name, id, p[start]);
                    bad = 1;
                }
            }
            if (p[i] == '\0')
                break;
            start = i + 1;
        }
    }
    for (i = 0; i < sizeof(compounds) / sizeof(compounds[0]); i++) {
        size_t cl = strlen(compounds[i]), j;
        for (j = 0; j + cl <= n; j++) {
            if (strncasecmp(name + j, compounds[i], cl) == 0 && !strstr(id, compounds[i])) {
                printf("BAD %-50s %s: \"%.*s\" split\n", name, id, (int)cl, name + j);
                bad = 1;
                break;
            }
        }
    }
    return bad;
}

static int corpus_main(const char *dir)
{
    struct stat st;
    al_error error;
    char *paths[1];
    char **files;
    size_t count = 0, i, names = 0;
    int bad = 0;

    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("skipped: '%s' not found (../shared is absent in user clones)\n", dir);
        return 77;
    }
    paths[0] = (char *)(uintptr_t)dir;
    files = al_list_files(paths, 1, &count, &error);
    if (!files) {
        printf("cannot list '%s'\n", dir);
        return 1;
    }
    for (i = 0; i < count; i++) {
        al_source src;
        al_doc doc;
        const char *f;
        char id[128];
        int kind;
        if (al_source_read(&src, files[i]) != 0)
            continue;
        kind = al_doc_kind_from_name(files[i]);
        if (kind < 0)
            kind = (int)al_doc_sniff_kind(src.data, src.len);
        if (al_doc_load(&doc, &src, (al_doc_kind)kind, NULL) == 0 && doc.body &&
            (f = json_string_value(json_object_get(doc.body, "recommendationFriendlyName")))) {
            names++;
            if (cg_identifier(f, strlen(f), id, sizeof(id)) != 0) {
                printf("BAD %-50s refused\n", f);
                bad++;
            } else {
                bad += check_corpus_name(f, id);
            }
        }
        al_doc_release(&doc);
    }
    al_files_free(files);
    printf("%zu friendly names of %zu files checked: %d bad\n", names, count, bad);
    if (names < 100) {
        printf("FAIL: fewer than 100 friendly names found: the check proves little\n");
        return 1;
    }
    return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_acronyms),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_reserved),
        cmocka_unit_test(test_digit_at_capacity),
        cmocka_unit_test(test_keyword_at_capacity),
        cmocka_unit_test(test_escape_refused),
        cmocka_unit_test(test_claim_unique),
    };
    if (argc == 3 && !strcmp(argv[1], "--corpus"))
        return corpus_main(argv[2]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
