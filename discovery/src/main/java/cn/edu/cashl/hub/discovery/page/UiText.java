package cn.edu.cashl.hub.discovery.page;

import cn.edu.cashl.hub.discovery.Availability;
import cn.edu.cashl.hub.discovery.Facet;
import cn.edu.cashl.hub.discovery.SearchField;
import cn.edu.cashl.hub.discovery.SortOrder;
import cn.edu.cashl.hub.resolver.Labels;
import java.util.Locale;

/**
 * The reader pages' words in Chinese and English. The language is the resolver's ({@link Labels}:
 * {@code lang=}, then the reader's choice, then {@code Accept-Language}, else Chinese), so the
 * search pages and the resolver page a reader moves between always agree.
 */
public enum UiText {
    ZH(Labels.ZH),
    EN(Labels.EN);

    private final Labels labels;

    UiText(Labels labels) {
        this.labels = labels;
    }

    public static UiText of(Labels labels) {
        return labels == Labels.ZH ? ZH : EN;
    }

    /** The resolver's words in the same language (kinds of way, reasons, library names). */
    public Labels labels() {
        return labels;
    }

    /** The page's BCP 47 language tag. */
    public String tag() {
        return labels.tag();
    }

    /** The other language: its name in itself, and its {@code lang=} value. */
    public String otherName() {
        return labels.otherLanguage();
    }

    public String otherCode() {
        return labels.otherLanguageTag();
    }

    /** This language's {@code lang=} value. */
    public String code() {
        return this == ZH ? "zh" : "en";
    }

    private String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    public String brand() {
        return pick("CASHL 开世览文", "CASHL");
    }

    public String tagline() {
        return pick("高校人文社会科学外文文献：一次检索，全国馆藏", "Humanities and social sciences: every member library in one search");
    }

    public String searchTitle() {
        return pick("检索", "Search");
    }

    public String searchLabel() {
        return pick("检索词", "Search for");
    }

    public String searchButton() {
        return pick("检索", "Search");
    }

    public String searchIn() {
        return pick("检索范围", "Search in");
    }

    public String field(SearchField field) {
        return switch (field) {
            case ALL -> pick("全部字段", "All fields");
            case TITLE -> pick("题名", "Title");
            case AUTHOR -> pick("作者", "Author");
            case SUBJECT -> pick("主题", "Subject");
            case ISBN_ISSN -> "ISBN / ISSN";
            case DOI -> "DOI";
        };
    }

    public String facet(Facet facet) {
        return switch (facet) {
            case HOLDING -> pick("收藏馆", "Holding library");
            case TYPE -> pick("类型", "Type");
            case LANGUAGE -> pick("语种", "Language");
            case YEAR -> pick("出版年", "Year");
            case ACCESS -> pick("获取方式", "Access");
        };
    }

    public String facetsHeading() {
        return pick("筛选结果", "Narrow the results");
    }

    /** A record type's name (the schema's types: {@code book}, {@code article}...). */
    public String type(String code) {
        return switch (code) {
            case "book" -> pick("图书", "Book");
            case "ebook" -> pick("电子图书", "E-book");
            case "journal" -> pick("期刊", "Journal");
            case "ejournal" -> pick("电子期刊", "E-journal");
            case "article" -> pick("期刊文章", "Article");
            case "other" -> pick("其他", "Other");
            default -> code;
        };
    }

    /** An access value of the access facet. */
    public String access(String code) {
        return switch (code) {
            case "online" -> pick("可在线获取", "Online");
            case "openAccess" -> pick("开放获取", "Open access");
            case "print" -> pick("纸本", "Print");
            default -> code;
        };
    }

    /** A language by its MARC (ISO 639-2/B) code, in this language; the code when none is known. */
    public String language(String code) {
        return Languages.name(code, this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    public String sort() {
        return pick("排序", "Sort by");
    }

    public String sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> pick("相关度", "Relevance");
            case NEWEST -> pick("出版年（新到旧）", "Newest first");
            case OLDEST -> pick("出版年（旧到新）", "Oldest first");
            case TITLE -> pick("题名", "Title");
        };
    }

    public String perPage() {
        return pick("每页", "Per page");
    }

    public String apply() {
        return pick("应用", "Apply");
    }

    public String results(long total) {
        return pick(
                "共 " + String.format("%,d", total) + " 条结果",
                String.format("%,d", total) + (total == 1 ? " result" : " results"));
    }

    public String range(long first, long last, long total) {
        return pick(
                String.format("第 %,d–%,d 条，共 %,d 条", first, last, total),
                String.format("Results %,d–%,d of %,d", first, last, total));
    }

    public String resultsHeading() {
        return pick("检索结果", "Results");
    }

    public String nothingFound() {
        return pick("没有找到结果。", "Nothing found.");
    }

    public String nothingFoundHelp() {
        return pick(
                "请检查拼写，减少检索词，改为在“全部字段”中检索，或移除筛选条件。",
                "Check the spelling, use fewer words, search all fields, or remove a filter.");
    }

    public String beyondLastPage() {
        return pick("这一页没有结果。", "There are no results on this page.");
    }

    public String queryProblem(String detail) {
        return pick("无法按输入的内容检索", "These words cannot be searched as typed")
                + (detail == null ? "" : pick("：", ": ") + detail);
    }

    public String unavailable() {
        return pick("目录暂时无法检索，请稍后再试。", "The catalogue cannot be searched just now. Please try again shortly.");
    }

    public String filtersHeading() {
        return pick("已选条件", "Your filters");
    }

    public String remove(String what) {
        return pick("移除：" + what, "Remove: " + what);
    }

    public String clearFilters() {
        return pick("清除全部条件", "Clear all filters");
    }

    public String pagination() {
        return pick("分页", "Pages");
    }

    public String previous() {
        return pick("上一页", "Previous");
    }

    public String next() {
        return pick("下一页", "Next");
    }

    public String first() {
        return pick("第一页", "First");
    }

    public String last() {
        return pick("最后一页", "Last");
    }

    public String page(long number) {
        return pick("第 " + number + " 页", "Page " + number);
    }

    public String skipToResults() {
        return pick("跳到检索结果", "Skip to the results");
    }

    public String skipToContent() {
        return pick("跳到正文", "Skip to the content");
    }

    public String by() {
        return pick("作者：", "By ");
    }

    public String in() {
        return pick("载于", "In");
    }

    /** A badge of a result's availability. */
    public String badge(Availability.Badge badge, Availability availability) {
        return switch (badge) {
            case OPEN_ACCESS -> openAccess();
            case ONLINE_HERE -> pick("本馆可在线阅读", "Online at your library");
            case CONSORTIUM -> pick("集团许可在线阅读", "Online (consortium licence)");
            case DELIVERED -> pick("可电子文献传递", "Online by document delivery");
            case ON_SHELF -> pick("本馆有纸本", "On the shelf at your library");
            case PRINT -> printAt(availability.printLibraries());
            case NOT_HELD -> notHeld();
        };
    }

    public String openAccess() {
        return pick("开放获取", "Open access");
    }

    public String printAt(int libraries) {
        return pick(libraries + " 馆可提供纸本", "Print at " + libraries + (libraries == 1 ? " library" : " libraries"));
    }

    public String notHeld() {
        return pick("成员馆暂无馆藏", "Not held by a member library");
    }

    public String availability() {
        return pick("获取情况", "Availability");
    }

    public String fullText() {
        return pick("阅读全文", "Full text");
    }

    public String requestCopy() {
        return pick("申请文献传递", "Request a copy");
    }

    public String ways() {
        return pick("全部获取途径", "All ways to get it");
    }

    /** The accessible name of a result's action, with the title it acts on. */
    public String actionOn(String action, String title) {
        return pick(action + "：" + title, action + ": " + title);
    }

    public String myLibrary() {
        return pick("我的图书馆", "My library");
    }

    public String noLibrary() {
        return pick("（未选择）", "(none)");
    }

    public String setLibrary() {
        return pick("设定", "Set");
    }

    public String language() {
        return pick("语言", "Language");
    }

    public String details() {
        return pick("详细信息", "Details");
    }

    public String authors() {
        return pick("作者", "Authors");
    }

    public String published() {
        return pick("出版", "Published");
    }

    public String edition() {
        return pick("版本", "Edition");
    }

    public String extent() {
        return pick("载体形态", "Extent");
    }

    public String series() {
        return pick("丛编", "Series");
    }

    public String identifiers() {
        return pick("标识符", "Identifiers");
    }

    public String subjects() {
        return pick("主题", "Subjects");
    }

    public String otherTitles() {
        return pick("其他题名", "Other titles");
    }

    public String abstractHeading() {
        return pick("摘要", "Abstract");
    }

    public String licence() {
        return pick("许可", "Licence");
    }

    public String recordType() {
        return pick("类型", "Type");
    }

    public String holdings() {
        return pick("馆藏", "Holdings");
    }

    public String printHoldings() {
        return pick("纸本馆藏", "Print holdings");
    }

    public String electronicHoldings() {
        return pick("电子资源", "Electronic holdings");
    }

    public String library() {
        return pick("图书馆", "Library");
    }

    public String callNumber() {
        return pick("索书号", "Call number");
    }

    public String holdingsStatement() {
        return pick("馆藏说明", "Holdings");
    }

    public String packageName() {
        return pick("数据库 / 资源包", "Package");
    }

    public String coverage() {
        return pick("收录范围", "Coverage");
    }

    public String link() {
        return pick("链接", "Link");
    }

    public String waysHeading() {
        return pick("获取全文的途径", "Ways to the full text");
    }

    public String waysExplained() {
        return pick("按 E-first 原则排序：先电子资源，后纸本文献传递。", "Ranked electronic first, then print by document delivery.");
    }

    public String noWays() {
        return labels.nothingFound();
    }

    public String articles() {
        return pick("本刊文章", "Articles");
    }

    public String articlesInCatalogue(long count) {
        return pick(
                "目录中收录本刊文章 " + String.format("%,d", count) + " 篇",
                String.format("%,d", count) + " articles of this journal in the catalogue");
    }

    public String export() {
        return pick("导出引文", "Export the citation");
    }

    public String forMachines() {
        return pick("机器接口", "For machines");
    }

    public String noRecord() {
        return pick("没有这条记录", "No such record");
    }

    public String noRecordHelp() {
        return pick(
                "这条记录不存在或已与其他记录合并。请重新检索。",
                "This record does not exist, or it was merged into another. Please search again.");
    }

    public String backToSearch() {
        return pick("返回检索", "Back to the search");
    }

    public String embed() {
        return pick("在本馆网站嵌入检索框", "Put this search box on your library's site");
    }

    public String builderTitle() {
        return pick("检索框生成器", "Search box builder");
    }

    public String builderIntro() {
        return pick(
                "选择选项，预览效果，然后把代码复制到本馆网页中。检索框不需要任何其他文件，也不使用 Cookie；不支持脚本的浏览器会显示普通表单。",
                "Pick the options, look at the preview, then copy the code into your library's page. The box needs no other file and no cookie; browsers without scripts show a plain form.");
    }

    public String builderOptions() {
        return pick("选项", "Options");
    }

    public String builderTarget() {
        return pick("检索结果显示在", "Show results");
    }

    public String builderTargetName(String target) {
        return switch (target) {
            case "_blank" -> pick("CASHL 检索页（新窗口）", "On the CASHL search page, in a new window");
            case "inline" -> pick("检索框下方（前几条）", "Under the box (the first few)");
            default -> pick("CASHL 检索页（当前窗口）", "On the CASHL search page, in the same window");
        };
    }

    public String builderAccent() {
        return pick("按钮颜色", "Button colour");
    }

    public String builderShow() {
        return pick("更新预览和代码", "Update the preview and the code");
    }

    public String builderPreview() {
        return pick("预览", "Preview");
    }

    public String builderSnippet() {
        return pick("嵌入代码", "Code to paste");
    }

    public String builderSnippetHelp() {
        return pick("把这段代码粘贴到网页中希望显示检索框的位置。", "Paste this code where the search box should appear on your page.");
    }

    public String builderCopy() {
        return pick("复制代码", "Copy the code");
    }

    public String widgetLabel() {
        return pick("检索 CASHL 外文文献", "Search CASHL");
    }

    public String homeIntro() {
        return pick(
                "检索 CASHL 成员馆收藏的外文图书、期刊和文章，优先获取电子全文，其次申请纸本文献传递。",
                "Search the foreign-language books, journals and articles of the CASHL member libraries: the full text online first, then a printed copy by document delivery.");
    }
}
