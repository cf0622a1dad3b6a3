using Kstat.Tree;

namespace Kstat.Tree.Tests.Selection;

public class KstatSelectorTests
{
    private static KstatHeader H(string module, int instance, string name, string @class = "misc") =>
        new(module, instance, name, @class, KstatType.Named, 0, 0);

    [Theory]
    [InlineData("", "*", "*", "*", "*")]
    [InlineData("cpu_stat", "cpu_stat", "*", "*", "*")]
    [InlineData("cpu_stat:0", "cpu_stat", "0", "*", "*")]
    [InlineData("cpu_stat::cpu_stat0", "cpu_stat", "*", "cpu_stat0", "*")]
    [InlineData("cpu_stat:::/idle|user/", "cpu_stat", "*", "*", "/idle|user/")]
    [InlineData(":::", "*", "*", "*", "*")]
    [InlineData("::system_pages:freemem", "*", "*", "system_pages", "freemem")]
    public void Parse_splits_at_colons_and_empty_fields_mean_star(string text, string module, string instance, string name, string statistic)
    {
        var selector = KstatSelector.Parse(text);
        Assert.Equal(module, selector.Module.Text);
        Assert.Equal(instance, selector.Instance.Text);
        Assert.Equal(name, selector.Name.Text);
        Assert.Equal(statistic, selector.Statistic.Text);
        Assert.True(selector.Class.MatchesAll);
    }

    [Fact]
    public void Five_fields_are_an_error_naming_the_fifth()
    {
        var e = Assert.Throws<FormatException>(() => KstatSelector.Parse("a:b:c:d:e"));
        Assert.Contains("column 9", e.Message, StringComparison.Ordinal);
        Assert.Contains("module[:instance[:name[:statistic]]]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_regex_names_its_column_in_the_selector()
    {
        var e = Assert.Throws<FormatException>(() => KstatSelector.Parse("cpu_stat::/[/"));
        Assert.Equal("brackets ([ ]) not balanced: 'cpu_stat::/[/' at column 12", e.Message);
    }

    [Fact]
    public void A_regex_cannot_hold_a_colon_because_the_split_comes_first()
    {
        // kstat(1) splits first: "/a:b/" becomes module "/a" and instance "b/", two globs.
        var selector = KstatSelector.Parse("/a:b/");
        Assert.False(selector.Module.IsRegex);
        Assert.Equal("/a", selector.Module.Text);
        Assert.Equal("b/", selector.Instance.Text);
    }

    [Fact]
    public void Matches_requires_module_instance_name_and_class()
    {
        var selector = KstatSelector.Parse("cpu_stat:1*:cpu_stat*").WithClass("misc");
        Assert.True(selector.Matches(H("cpu_stat", 1, "cpu_stat1")));
        Assert.True(selector.Matches(H("cpu_stat", 12, "cpu_stat12")));
        Assert.False(selector.Matches(H("cpu_stat", 2, "cpu_stat2")));
        Assert.False(selector.Matches(H("cpu_info", 1, "cpu_info1")));
        Assert.False(selector.Matches(H("cpu_stat", 1, "vm1")));
        Assert.False(selector.Matches(H("cpu_stat", 1, "cpu_stat1", "disk")));
    }

    [Fact]
    public void The_instance_is_matched_as_decimal_text_including_negative_numbers()
    {
        Assert.True(KstatSelector.Parse(":-1").Matches(H("m", -1, "n")));
        Assert.True(KstatSelector.Parse(":/^-/").Matches(H("m", -1, "n")));
        Assert.False(KstatSelector.Parse(":/^-/").Matches(H("m", 1, "n")));
        Assert.True(KstatSelector.Parse(":/^[0-9]{2}$/").Matches(H("m", 10, "n")));
    }

    [Fact]
    public void Statistics_are_filtered_separately()
    {
        var selector = KstatSelector.Parse("cpu_stat:::/idle|user/");
        Assert.True(selector.MatchesStatistic("idle"));
        Assert.True(selector.MatchesStatistic("idlethread"));
        Assert.True(selector.MatchesStatistic("user"));
        Assert.False(selector.MatchesStatistic("kernel"));
        Assert.True(KstatSelector.All.MatchesStatistic("crtime"));
    }

    [Fact]
    public void Create_mirrors_the_dash_options_where_null_is_star_and_empty_matches_only_empty()
    {
        var selector = KstatSelector.Create(module: "unix", name: "system_pages", statistic: "/mem$/", @class: "pages");
        Assert.True(selector.Matches(H("unix", 0, "system_pages", "pages")));
        Assert.False(selector.Matches(H("unix", 0, "system_pages", "misc")));
        Assert.True(selector.MatchesStatistic("freemem"));
        Assert.False(selector.MatchesStatistic("freemem_x"));

        Assert.True(KstatSelector.Create().Matches(H("anything", 3, "at all")));
        Assert.False(KstatSelector.Create(module: "").Matches(H("unix", 0, "n")));
    }

    [Fact]
    public void Select_returns_the_matching_headers_in_kstat_order()
    {
        var headers = new[]
        {
            H("cpu_stat", 10, "cpu_stat10"), H("unix", 0, "system_pages"), H("cpu_stat", 2, "cpu_stat2"),
            H("CPU_STAT", 1, "x"), H("cpu_info", 0, "cpu_info0"),
        };
        var selected = KstatSelector.Parse("/^cpu_stat$/").Select(headers);
        Assert.Equal(["cpu_stat:2:cpu_stat2", "cpu_stat:10:cpu_stat10"], selected.Select(h => h.Key));

        var all = KstatSelector.All.Select(headers);
        Assert.Equal(["cpu_info:0:cpu_info0", "CPU_STAT:1:x", "cpu_stat:2:cpu_stat2", "cpu_stat:10:cpu_stat10", "unix:0:system_pages"], all.Select(h => h.Key));
    }

    [Fact]
    public void Kstats_equal_but_for_case_print_the_later_in_the_chain_first_as_kstat_1_inserts_them()
    {
        // kstat(1) inserts each kstat before the first listed one that is not smaller (strcasecmp), so among equal
        // ones the last inserted comes first.
        var headers = new[]
        {
            H("Sd", 0, "sd0"), H("sd", 1, "sd1"), H("sd", 0, "SD0"), H("sd", 0, "sd00"), H("SD", 0, "Sd0"),
        };
        Assert.Equal(
            ["SD:0:Sd0", "sd:0:SD0", "Sd:0:sd0", "sd:0:sd00", "sd:1:sd1"],
            KstatSelector.All.Select(headers).Select(h => h.Key));
        Assert.Equal(
            ["sd:0:SD0", "Sd:0:sd0"],
            KstatSelector.Parse("/^(s|S)d$/:0:/^[sS][dD]0$/").Select(headers.Where(h => h.Module != "SD")).Select(h => h.Key));
    }

    [Fact]
    public void ToString_gives_the_selector_back()
    {
        Assert.Equal("cpu_stat:*:*:/idle|user/", KstatSelector.Parse("cpu_stat:::/idle|user/").ToString());
        Assert.Equal("*:*:*:* class=disk", KstatSelector.All.WithClass("disk").ToString());
    }
}
