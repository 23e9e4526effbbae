/*
 * test_advisor.c - the format's domain knowledge (validator/advisor/) the
 * newer rules share: which cloud a host, a file name or a data source is in,
 * locale segments of links, the Advisor team's own owner, portal extensions
 * and TODO markers. Each case states the value and what the function must
 * answer, near misses included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "advisor/advisor.h"

static unsigned host_cloud(const char *h)
{
    return adv_host_cloud(h, strlen(h));
}

static void test_host_cloud(void **state)
{
    (void)state;
    assert_int_equal(host_cloud("help.kusto.windows.net"), ADV_CLOUD_PUBLIC);
    assert_int_equal(host_cloud("sqlazureusg.kusto.usgovcloudapi.net"), ADV_CLOUD_FAIRFAX);
    assert_int_equal(host_cloud("x.chinanorth2.kusto.chinacloudapi.cn"), ADV_CLOUD_MOONCAKE);
    assert_int_equal(host_cloud("aznwchinamc.chinanorth2.chinacloudapi.cn"), ADV_CLOUD_MOONCAKE);
    assert_int_equal(host_cloud("support.azure.cn"), ADV_CLOUD_MOONCAKE);
    assert_int_equal(host_cloud("SUPPORT.Azure.CN"), ADV_CLOUD_MOONCAKE);
    assert_int_equal(host_cloud("docs.azure.cn."), ADV_CLOUD_MOONCAKE);
    assert_int_equal(host_cloud("portal.azure.us"), ADV_CLOUD_FAIRFAX);
    assert_int_equal(host_cloud("x.usnatwest.kusto.core.eaglex.ic.gov"), ADV_CLOUD_USNAT);
    assert_int_equal(host_cloud("x.usseceast.kusto.core.microsoft.scloud"), ADV_CLOUD_USSEC);
    assert_int_equal(host_cloud("azure.cn"), ADV_CLOUD_MOONCAKE);
    /* label boundary: not a subdomain */
    assert_int_equal(host_cloud("xazure.cn"), 0);
    assert_int_equal(host_cloud("notwindows.net"), 0);
    /* hosts of every cloud, or of none */
    assert_int_equal(host_cloud("learn.microsoft.com"), 0);
    assert_int_equal(host_cloud("aka.ms"), 0);
    assert_int_equal(host_cloud(""), 0);
}

static void test_host_check(void **state)
{
    char why[160];
    (void)state;
    assert_int_equal(adv_host_check("a.kusto.windows.net", 19, why, sizeof(why)), 0);
    assert_int_equal(adv_host_check("a-b.c1", 6, why, sizeof(why)), 0);
    assert_int_equal(adv_host_check("a,b.kusto.windows.net", 21, why, sizeof(why)), -1);
    assert_string_equal(why, "has ',' at character 2, which is not allowed in a host name");
    assert_int_equal(adv_host_check("cluster(", 8, why, sizeof(why)), -1);
    assert_string_equal(why, "has '(' at character 8, which is not allowed in a host name");
    assert_int_equal(adv_host_check("", 0, why, sizeof(why)), -1);
    assert_string_equal(why, "is empty");
    assert_int_equal(adv_host_check("a..b", 4, why, sizeof(why)), -1);
    assert_string_equal(why, "has an empty label at character 3");
    assert_int_equal(adv_host_check("a.b.", 4, why, sizeof(why)), -1);
    assert_string_equal(why, "ends with '.'");
    assert_int_equal(adv_host_check("localhost", 9, why, sizeof(why)), -1);
    assert_string_equal(why, "has no domain (one label)");
    assert_int_equal(adv_host_check("a b.c", 5, why, sizeof(why)), -1);
    assert_string_equal(why, "has byte 0x20 at character 2, which is not allowed in a host name");
}

static void test_stream_clusters(void **state)
{
    adv_cluster cl[4];
    const char *s;
    (void)state;

    s = "cluster('https://x.kusto.windows.net').database('db').Table";
    assert_int_equal(adv_stream_clusters(s, cl, 4), 1);
    assert_true(cl[0].closed);
    assert_int_equal(cl[0].arg_off, 9);
    assert_int_equal(cl[0].arg_len, strlen("https://x.kusto.windows.net"));
    assert_int_equal(cl[0].host_off, 17);
    assert_int_equal(cl[0].host_len, strlen("x.kusto.windows.net"));

    /* a bare host, double quotes, a port and a path */
    s = "cluster(\"aks.kusto.windows.net\").database('d').T";
    assert_int_equal(adv_stream_clusters(s, cl, 4), 1);
    assert_int_equal(cl[0].host_off, 9);
    assert_int_equal(cl[0].host_len, strlen("aks.kusto.windows.net"));
    s = "cluster('HTTPS://a.b.c:443/x').database('d').T";
    assert_int_equal(adv_stream_clusters(s, cl, 4), 1);
    assert_int_equal(cl[0].host_off, 17);
    assert_int_equal(cl[0].host_len, 5);

    /* the nested call committed in a real file: the first argument is "cluster(" */
    s = "cluster('cluster('https://a.usseceast.kusto.core.microsoft.scloud').database('b').T";
    assert_int_equal(adv_stream_clusters(s, cl, 4), 1);
    assert_int_equal(cl[0].host_off, 9);
    assert_int_equal(cl[0].host_len, 8);

    /* two clusters (a union), an unclosed quote, and names that are not cluster( calls */
    s = "union cluster('a.b.c').database('d').T, cluster('e.f.g";
    assert_int_equal(adv_stream_clusters(s, cl, 4), 2);
    assert_true(cl[0].closed);
    assert_false(cl[1].closed);
    assert_int_equal(cl[1].host_len, 5);
    assert_int_equal(adv_stream_clusters("mycluster('a.b').database('d')", cl, 4), 0);
    assert_int_equal(adv_stream_clusters("cluster(a.b)", cl, 4), 0);
    assert_int_equal(adv_stream_clusters("Microsoft.Cloud.AzureAdvisorSingleCircuit-MC", cl, 4), 0);
    /* at most MAX */
    assert_int_equal(adv_stream_clusters("cluster('a.b') cluster('c.d') cluster('e.f')", cl, 2), 2);
}

static void test_file_name_cloud(void **state)
{
    size_t off = 0, len = 0;
    (void)state;
    assert_int_equal(adv_file_name_cloud("a/b/rediscacheusedmemory-fairfax.md", &off, &len),
                     ADV_CLOUD_FAIRFAX);
    assert_int_equal(off, strlen("a/b/rediscacheusedmemory-"));
    assert_int_equal(len, 7);
    assert_int_equal(adv_file_name_cloud("x-ff.md", NULL, NULL), ADV_CLOUD_FAIRFAX);
    assert_int_equal(adv_file_name_cloud("x-MC.md", NULL, NULL), ADV_CLOUD_MOONCAKE);
    assert_int_equal(adv_file_name_cloud("x-mooncake.json", NULL, NULL), ADV_CLOUD_MOONCAKE);
    assert_int_equal(adv_file_name_cloud("x-public.yaml", NULL, NULL), ADV_CLOUD_PUBLIC);
    assert_int_equal(adv_file_name_cloud("x-usnat.md", NULL, NULL), ADV_CLOUD_USNAT);
    assert_int_equal(adv_file_name_cloud("x-ussec", NULL, NULL), ADV_CLOUD_USSEC);
    /* no cloud suffix */
    assert_int_equal(adv_file_name_cloud("nvacheckpointnicservicing-612dpublic.md", NULL, NULL), 0);
    assert_int_equal(adv_file_name_cloud("hostnamecertificaterotationfailed.md", NULL, NULL), 0);
    assert_int_equal(adv_file_name_cloud("dir-public/x.md", NULL, NULL), 0);
    assert_int_equal(adv_file_name_cloud("x-publics.md", NULL, NULL), 0);
    assert_string_equal(adv_cloud_name(ADV_CLOUD_USNAT), "USNat");
    assert_null(adv_cloud_name(ADV_CLOUD_USNAT | ADV_CLOUD_USSEC));
}

static void test_locale(void **state)
{
    size_t off = 0, len = 0;
    const char *u;
    (void)state;
    assert_true(adv_locale_tag("en-us", 5));
    assert_true(adv_locale_tag("ZH-CN", 5));
    assert_true(adv_locale_tag("zh-hans", 7));
    assert_true(adv_locale_tag("sr-latn-rs", 10));
    assert_true(adv_locale_tag("es-419", 6));
    assert_false(adv_locale_tag("en", 2));
    assert_false(adv_locale_tag("azure", 5));
    assert_false(adv_locale_tag("ef-core", 7));
    assert_false(adv_locale_tag("power-bi", 8));
    assert_false(adv_locale_tag("en-us-x", 7));
    assert_false(adv_locale_tag("e-us", 4));

    u = "https://learn.microsoft.com/en-us/azure/advisor/";
    assert_int_equal(adv_link_locale(u, &off, &len), 1);
    assert_int_equal(off, strlen("https://learn.microsoft.com"));
    assert_int_equal(len, strlen("/en-us"));
    u = "https://docs.azure.cn/zh-cn/aks/use-multiple-node-pools";
    assert_int_equal(adv_link_locale(u, &off, &len), 1);
    assert_int_equal(off, strlen("https://docs.azure.cn"));
    u = "https://Azure.Microsoft.com/de-de";
    assert_int_equal(adv_link_locale(u, &off, &len), 1);
    assert_int_equal(len, 6);
    u = "https://learn.microsoft.com/en-us?tabs=x";
    assert_int_equal(adv_link_locale(u, &off, &len), 1);
    assert_int_equal(len, 6);
    /* not a locale, not first, not a documentation host, not a URL */
    assert_int_equal(adv_link_locale("https://learn.microsoft.com/azure/en-us/x", &off, &len), 0);
    assert_int_equal(adv_link_locale("https://docs.microsoft.com/azure/", &off, &len), 0);
    assert_int_equal(adv_link_locale("https://www.f5.com/en-us/support", &off, &len), 0);
    assert_int_equal(adv_link_locale("https://learn.microsoft.com:443/en-us/x", &off, &len), 0);
    assert_int_equal(adv_link_locale("{learnMore}/en-us/x", &off, &len), 0);
    assert_int_equal(adv_link_locale("https://learn.microsoft.com", &off, &len), 0);
}

static void test_owner(void **state)
{
    (void)state;
    assert_true(adv_routing_is_advisor("MDM://AzureAdvisor"));
    assert_true(adv_routing_is_advisor("mdm://azureadvisor"));
    assert_false(adv_routing_is_advisor("MDM://AzureAdvisorX"));
    assert_false(adv_routing_is_advisor("AIMS://ExpressRoute"));
    assert_false(adv_routing_is_advisor(NULL));
    assert_true(adv_email_is_advisor("aadevteam@microsoft.com"));
    assert_true(adv_email_is_advisor("AADevTeam@microsoft.com"));
    assert_false(adv_email_is_advisor("xaadevteam@microsoft.com"));
    assert_false(adv_email_is_advisor("aadevteam"));
    assert_false(adv_email_is_advisor(NULL));
    assert_true(adv_ownership_is_advisor("CloudES_AzureAdvisor"));
    assert_false(adv_ownership_is_advisor("RedisCache_RedisCache"));
    assert_false(adv_ownership_is_advisor("AzureAdvisor"));
    assert_false(adv_ownership_is_advisor(""));
    assert_false(adv_ownership_is_advisor(NULL));
}

static void test_portal_extensions(void **state)
{
    char buf[128];
    (void)state;
    assert_true(adv_portal_extension_known("HubsExtension"));
    assert_true(adv_portal_extension_known("Microsoft_Azure_Network"));
    assert_true(adv_portal_extension_known("WebsitesExtension"));
    assert_false(adv_portal_extension_known("hubsextension"));
    assert_false(adv_portal_extension_known("HubsExtensio"));
    assert_false(adv_portal_extension_known(""));
    assert_false(adv_portal_extension_known(
        "# portal_extensions.txt - the Azure portal extensions advisor-lint knows."));
    assert_string_equal(adv_portal_extension_suggest("hubsextension", buf, sizeof(buf)),
                        "HubsExtension");
    assert_string_equal(adv_portal_extension_suggest("Microsoft_Azure_Netwrok", buf, sizeof(buf)),
                        "Microsoft_Azure_Network");
    assert_string_equal(adv_portal_extension_suggest("SqlAzureExtensions", buf, sizeof(buf)),
                        "SqlAzureExtension");
    assert_null(adv_portal_extension_suggest("SynapseworkspaceExtension", buf, sizeof(buf)));
    assert_null(adv_portal_extension_suggest("HubsExtension", buf, 4));
}

static int todo(const char *s, size_t *at, size_t *len)
{
    return adv_todo_find(s, strlen(s), at, len);
}

static void test_todo(void **state)
{
    size_t at = 99, len = 99;
    (void)state;
    assert_true(todo("TODO HERE", &at, &len));
    assert_int_equal(at, 0);
    assert_int_equal(len, 4);
    assert_true(todo("todoLongDesc", &at, &len));
    assert_int_equal(len, 12);
    assert_true(todo("Todo DEscription", &at, &len));
    assert_int_equal(len, 4);
    assert_true(todo("Reduce cost. TODO: describe the benefit", &at, &len));
    assert_int_equal(at, 13);
    assert_int_equal(len, 4);
    assert_true(todo("<TODO>", &at, &len));
    assert_int_equal(at, 1);
    assert_true(todo("(todo)", &at, &len));
    assert_true(todo("todo", &at, &len));
    assert_true(todo("ToDo_2", &at, &len));
    assert_int_equal(len, 6);
    /* not markers */
    assert_false(todo("todos los recursos", &at, &len));
    assert_false(todo("TODOS", &at, &len));
    assert_false(todo("mastodon", &at, &len));
    assert_false(todo("autodownload", &at, &len));
    assert_false(todo("photodocument", &at, &len));
    assert_false(todo("Restore to document", &at, &len));
    assert_false(todo("tod", &at, &len));
    assert_false(todo("", &at, &len));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_cloud),
        cmocka_unit_test(test_host_check),
        cmocka_unit_test(test_stream_clusters),
        cmocka_unit_test(test_file_name_cloud),
        cmocka_unit_test(test_locale),
        cmocka_unit_test(test_owner),
        cmocka_unit_test(test_portal_extensions),
        cmocka_unit_test(test_todo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
