/*
 * test_advisor_conventions.c - what `advisor-codegen new` takes from the
 * format (validator/advisor/conventions.c): v4 GUIDs, the category, impact
 * and resource type checks, folder, stem and PascalCase names, how clouds
 * are grouped into files, and links moved to another cloud. Each case
 * states the value and what the function must answer, near misses
 * included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "advisor/advisor.h"

static void test_guid_v4(void **state)
{
    char a[ADV_GUID_SIZE], b[ADV_GUID_SIZE], why[160];
    (void)state;
    assert_int_equal(adv_guid_v4(a), 0);
    assert_int_equal(adv_guid_v4(b), 0);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(adv_guid_check(a, 36, why, sizeof(why)), 0);
    assert_int_equal(a[14], '4');           /* version 4 */
    assert_non_null(strchr("89ab", a[19])); /* RFC 4122 variant */
    assert_string_not_equal(a, b);
    assert_true(adv_guid_is_nil(ADV_GUID_NIL, 36));
    assert_false(adv_guid_is_nil(a, 36));
    assert_false(adv_guid_is_nil("00000000-0000-0000-0000-00000000000", 35));
}

static void test_lookups(void **state)
{
    (void)state;
    assert_true(adv_title_is_placeholder("Sample title"));
    assert_true(adv_title_is_placeholder("SAMPLE TITLE"));
    assert_false(adv_title_is_placeholder("Sample titles"));
    assert_string_equal(adv_category_lookup("highavailability"), "HighAvailability");
    assert_string_equal(adv_category_lookup("OperationalExcellence"), "OperationalExcellence");
    assert_null(adv_category_lookup("Costs"));
    assert_null(adv_category_lookup(""));
    assert_string_equal(adv_impact_lookup("MEDIUM"), "Medium");
    assert_null(adv_impact_lookup("Huge"));
    assert_string_equal(adv_data_source_lookup("sas"), "SAS");
    assert_null(adv_data_source_lookup("Excel"));
}

static void test_resource_type(void **state)
{
    char why[200];
    (void)state;
    assert_int_equal(adv_resource_type_check("Microsoft.Network/expressRouteGateways", why,
                                             sizeof(why)),
                     0);
    assert_int_equal(adv_resource_type_check("Microsoft.Sql/servers/databases", why, sizeof(why)),
                     0);
    assert_int_equal(adv_resource_type_check("Microsoft.Network", why, sizeof(why)), -1);
    assert_non_null(strstr(why, "no '/'"));
    assert_int_equal(adv_resource_type_check("Network/gateways", why, sizeof(why)), -1);
    assert_non_null(strstr(why, "without '.'"));
    assert_int_equal(adv_resource_type_check("Microsoft.Network/", why, sizeof(why)), -1);
    assert_int_equal(adv_resource_type_check("Microsoft.Network//x", why, sizeof(why)), -1);
    assert_int_equal(adv_resource_type_check("Microsoft.Net work/x", why, sizeof(why)), -1);
    assert_non_null(strstr(why, "' ' at character 14"));
    assert_int_equal(adv_resource_type_check("Microsoft.Network/x.y", why, sizeof(why)), -1);
    assert_int_equal(adv_resource_type_check("", why, sizeof(why)), -1);
}

static void test_names(void **state)
{
    char out[256];
    (void)state;
    assert_int_equal(adv_folder_for_type("Microsoft.Cache/redis", out, sizeof(out)), 0);
    assert_string_equal(out, "advisorrecommendation.cacheredis");
    assert_int_equal(adv_folder_for_type("Microsoft.Capacity/reservationOrders/reservations", out,
                                         sizeof(out)),
                     0);
    assert_string_equal(out, "advisorrecommendation.capacityreservationordersreservations");
    assert_int_equal(adv_folder_for_type("Microsoft.DbForPostgreSQL/servers", out, sizeof(out)), 0);
    assert_string_equal(out, "advisorrecommendation.dbforpostgresqlservers");
    assert_int_equal(adv_folder_for_type("Microsoft", out, sizeof(out)), -1);
    assert_int_equal(adv_folder_for_type("Microsoft.Cache/redis", out, 10), -1);

    assert_int_equal(adv_pascal_case("Enable zone redundancy for ExpressRoute gateways", out,
                                     sizeof(out)),
                     0);
    assert_string_equal(out, "EnableZoneRedundancyForExpressRouteGateways");
    assert_int_equal(adv_pascal_case("right-size ADX cluster (v2)", out, sizeof(out)), 0);
    assert_string_equal(out, "RightSizeADXClusterV2");
    assert_int_equal(adv_pascal_case(" -- ", out, sizeof(out)), -1);

    assert_int_equal(adv_file_stem("RedisCacheUsedMemory", out, sizeof(out)), 0);
    assert_string_equal(out, "rediscacheusedmemory");
    assert_int_equal(adv_file_stem("Right-size ADX clusters", out, sizeof(out)), 0);
    assert_string_equal(out, "rightsizeadxclusters");
    assert_int_equal(adv_file_stem("../", out, sizeof(out)), -1);
}

static void test_cloud_groups(void **state)
{
    unsigned g[5];
    char text[128];
    (void)state;
    /* all five: Public carries USNat and USSec */
    assert_int_equal(adv_cloud_groups(0x1f, g, 5), 3);
    assert_int_equal(g[0], ADV_CLOUD_PUBLIC | ADV_CLOUD_USNAT | ADV_CLOUD_USSEC);
    assert_int_equal(g[1], ADV_CLOUD_FAIRFAX);
    assert_int_equal(g[2], ADV_CLOUD_MOONCAKE);
    assert_int_equal(adv_clouds_format(g[0], text, sizeof(text)), 0);
    assert_string_equal(text, "Public, USNat, USSec");
    /* without Public, USNat and USSec get files of their own */
    assert_int_equal(adv_cloud_groups(ADV_CLOUD_USNAT | ADV_CLOUD_USSEC, g, 5), 2);
    assert_int_equal(g[0], ADV_CLOUD_USNAT);
    assert_int_equal(g[1], ADV_CLOUD_USSEC);
    assert_int_equal(adv_cloud_first(ADV_CLOUD_USSEC | ADV_CLOUD_MOONCAKE), ADV_CLOUD_MOONCAKE);
    assert_string_equal(adv_cloud_suffix(ADV_CLOUD_FAIRFAX), "fairfax");
    assert_null(adv_cloud_suffix(ADV_CLOUD_PUBLIC | ADV_CLOUD_USNAT));
    assert_string_equal(adv_cloud_docs_host(ADV_CLOUD_MOONCAKE), "docs.azure.cn");
    assert_string_equal(adv_cloud_docs_host(ADV_CLOUD_FAIRFAX), "learn.microsoft.com");
    assert_int_equal(adv_cloud_groups(0, g, 5), 0);
}

static void test_link_for_cloud(void **state)
{
    char out[512];
    (void)state;
    assert_int_equal(adv_link_for_cloud("https://learn.microsoft.com/en-us/azure/aks/x#y",
                                        ADV_CLOUD_MOONCAKE, out, sizeof(out)),
                     1);
    assert_string_equal(out, "https://docs.azure.cn/aks/x#y");
    assert_int_equal(adv_link_for_cloud("https://docs.microsoft.com/azure/azure-arc/servers/a",
                                        ADV_CLOUD_MOONCAKE, out, sizeof(out)),
                     1);
    assert_string_equal(out, "https://docs.azure.cn/azure-arc/servers/a");
    assert_int_equal(adv_link_for_cloud("https://docs.azure.cn/zh-cn/aks/x", ADV_CLOUD_FAIRFAX, out,
                                        sizeof(out)),
                     1);
    assert_string_equal(out, "https://learn.microsoft.com/azure/aks/x");
    assert_int_equal(adv_link_for_cloud("https://portal.azure.com/#blade/x", ADV_CLOUD_FAIRFAX, out,
                                        sizeof(out)),
                     1);
    assert_string_equal(out, "https://portal.azure.us/#blade/x");
    /* no cloud of its own, or already right: unchanged */
    assert_int_equal(adv_link_for_cloud("https://aka.ms/x", ADV_CLOUD_MOONCAKE, out, sizeof(out)),
                     0);
    assert_int_equal(adv_link_for_cloud("https://learn.microsoft.com/azure/x", ADV_CLOUD_FAIRFAX,
                                        out, sizeof(out)),
                     0);
    assert_int_equal(adv_link_for_cloud("https://portal.azure.com/x", ADV_CLOUD_USNAT, out,
                                        sizeof(out)),
                     0);
    assert_int_equal(adv_link_for_cloud("{learnMoreLink}", ADV_CLOUD_MOONCAKE, out, sizeof(out)),
                     0);
    assert_int_equal(adv_link_for_cloud("https://learn.microsoft.com/azure/aks/x",
                                        ADV_CLOUD_MOONCAKE, out, 10),
                     -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_guid_v4),       cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_resource_type), cmocka_unit_test(test_names),
        cmocka_unit_test(test_cloud_groups),  cmocka_unit_test(test_link_for_cloud),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
