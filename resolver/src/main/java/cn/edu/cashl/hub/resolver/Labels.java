package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Reason;
import java.util.Locale;

/**
 * The resolver page's words, in Chinese and English (docs/efirst.md): what each kind of way, each
 * reason and each problem is called, and the page's own labels. Chosen by {@code lang=} when the
 * request sends it, else by the browser's {@code Accept-Language}, else Chinese.
 */
public enum Labels {
    ZH("zh-Hans"),
    EN("en");

    private final String tag;

    Labels(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag of the page's language. */
    public String tag() {
        return tag;
    }

    /**
     * The language of the answer.
     *
     * @param lang           the request's {@code lang=} ({@code zh}, {@code en}, ...), or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     */
    public static Labels negotiate(String lang, String acceptLanguage) {
        Labels chosen = of(lang);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null) {
            Labels best = null;
            double bestQuality = 0;
            for (String range : acceptLanguage.split(",")) {
                String[] parts = range.strip().split(";");
                double quality = 1;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.startsWith("q=")) {
                        try {
                            quality = Double.parseDouble(parameter.substring(2));
                        } catch (NumberFormatException e) {
                            quality = 0;
                        }
                    }
                }
                Labels language = of(parts[0]);
                if (language != null && quality > bestQuality) {
                    best = language;
                    bestQuality = quality;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return ZH;
    }

    private static Labels of(String language) {
        if (language == null) {
            return null;
        }
        String folded = language.strip().toLowerCase(Locale.ROOT);
        if (folded.equals("zh") || folded.startsWith("zh-")) {
            return ZH;
        }
        if (folded.equals("en") || folded.startsWith("en-")) {
            return EN;
        }
        return null;
    }

    private String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    public String kind(OptionKind kind) {
        return switch (kind) {
            case OPEN_ACCESS -> pick("开放获取", "Open access");
            case ELECTRONIC -> pick("本馆电子资源", "Online through your library's licence");
            case ELECTRONIC_DELIVERY -> pick("电子文献传递", "Electronic document delivery");
            case PRINT -> pick("本馆纸本馆藏", "Print copy in your library");
            case PRINT_DELIVERY -> pick("纸本文献传递", "Print copy by document delivery");
            case ILL -> pick("馆际互借申请", "Interlibrary loan request");
        };
    }

    /** A reason as a sentence, with the day an embargo lifts. */
    public String why(Why why) {
        String text = why.reason() != null ? reason(why.reason()) : rule(why.rule());
        if (why.availableOn() != null) {
            text += pick("，" + why.availableOn() + " 起可用", ", available from " + why.availableOn());
        }
        return text;
    }

    private String reason(Reason reason) {
        return switch (reason) {
            case COVERED -> pick("在收录范围内", "Within the coverage");
            case SELECTED_ARTICLES -> pick("仅收录部分文章，可能不含此文", "Selected articles only: this one may be missing");
            case UNDATED -> pick("引文没有日期或卷次，未核对收录范围", "The citation gives no date or volume: coverage not checked");
            case BEFORE_COVERAGE -> pick("早于收录范围", "Before the coverage starts");
            case AFTER_COVERAGE -> pick("晚于收录范围", "After the coverage ends");
            case IN_GAP -> pick("在收录范围的缺口中", "In a gap of the coverage");
            case VOLUME_OUTSIDE -> pick("卷期不在收录范围内", "Volume or issue outside the coverage");
            case EMBARGOED -> pick("在限制期（embargo）内", "Under embargo");
            case ABSTRACTS_ONLY -> pick("仅提供文摘", "Abstracts only");
            case PRINT_ONLY -> pick("仅有纸本", "Print only");
            case NO_ILL_RIGHTS -> pick("许可协议不允许电子文献传递", "The licence does not allow electronic document delivery");
        };
    }

    private String rule(Rule rule) {
        return switch (rule) {
            case HELD_IN_PRINT -> pick("本馆有纸本", "On the shelf in your library");
            case CENTRE_LENDER -> pick("中心馆提供文献传递", "A centre library lends it");
            case SERVICE_LENDER -> pick("服务馆提供文献传递", "A service library lends it");
            case ILL_REQUEST -> pick("将引文转交本馆馆际互借系统", "The citation goes to your library's interlibrary loan system");
            case NOT_A_LENDER -> pick("该馆不提供文献传递", "This library does not lend");
            case NO_ILL_SYSTEM -> pick("本馆未配置馆际互借系统", "Your library has no interlibrary loan system configured");
            case NO_HOME_LIBRARY -> pick("请求未指明读者所在图书馆", "The request names no home library");
        };
    }

    public String problem(Problem problem) {
        return switch (problem) {
            case EMPTY ->
                pick(
                        "请求为空。请发送包含 DOI、ISSN、ISBN 或题名的 OpenURL，或填写下面的表单。",
                        "The request is empty. Send an OpenURL with a DOI, an ISSN or ISBN, or a title, or fill in the form below.");
            case NOTHING_TO_LOOK_FOR ->
                pick(
                        "请求中没有可供检索的内容：没有 DOI、ISSN、ISBN，也没有刊名、书名或篇名。",
                        "The request names nothing to look for: no DOI, ISSN or ISBN, and no journal, book or article title.");
            case CATALOGUE_UNAVAILABLE ->
                pick(
                        "联合目录暂时无法检索，现仅提供馆际互借申请。请稍后再试。",
                        "The catalogue cannot be searched just now: only the interlibrary loan request is offered. Please try again later.");
        };
    }

    /** A library's name as readers know it; the consortium's licence by its own name. */
    public String library(String code, LibraryDirectory directory) {
        if (code == null) {
            return "";
        }
        if (code.equals(LibraryDirectory.CONSORTIUM)) {
            return pick("CASHL 集团许可", "CASHL consortium licence");
        }
        return directory
                .member(code)
                .map(m -> this == ZH && m.nameZh() != null ? m.nameZh() : m.name())
                .orElse(code);
    }

    public String pageTitle() {
        return pick("获取全文", "Get the full text");
    }

    public String brand() {
        return pick("CASHL 开世览文", "CASHL");
    }

    public String citation() {
        return pick("引文", "Citation");
    }

    public String articleTitle() {
        return pick("篇名", "Article");
    }

    public String containerTitle() {
        return pick("刊名 / 书名", "Journal / book");
    }

    public String author() {
        return pick("作者", "Author");
    }

    public String date() {
        return pick("日期", "Date");
    }

    public String volume() {
        return pick("卷", "Volume");
    }

    public String issue() {
        return pick("期", "Issue");
    }

    public String startPage() {
        return pick("起始页", "Start page");
    }

    public String homeLibrary() {
        return pick("读者所在图书馆", "Your library");
    }

    public String best() {
        return pick("最佳途径", "Best way");
    }

    public String others() {
        return pick("其他途径", "Other ways");
    }

    public String excluded() {
        return pick("已排除的途径", "Ways ruled out");
    }

    public String matches() {
        return pick("找到的记录", "Records found");
    }

    public String notes() {
        return pick("请求处理说明", "How the request was read");
    }

    public String nothingFound() {
        return pick(
                "没有找到获取全文的途径。请联系本馆的文献传递服务。",
                "No way to the full text was found. Please ask your library's document delivery service.");
    }

    public String coverage() {
        return pick("收录范围", "Coverage");
    }

    public String shelf() {
        return pick("索书号 / 馆藏", "Call number / holdings");
    }

    public String packageName() {
        return pick("数据库", "Package");
    }

    public String open() {
        return pick("打开", "Open");
    }

    public String request() {
        return pick("提交申请", "Request it");
    }

    public String noLink() {
        return pick("请联系本馆的文献传递服务", "Ask your library's document delivery service");
    }

    public String otherLanguage() {
        return pick("English", "中文");
    }

    public String otherLanguageTag() {
        return pick("en", "zh");
    }

    public String languageSwitch() {
        return pick("语言", "Language");
    }

    public String formHeading() {
        return pick("查找全文", "Look for the full text");
    }

    public String identifiers() {
        return pick("ISSN 或 ISBN", "ISSN or ISBN");
    }

    public String search() {
        return pick("查找", "Look it up");
    }
}
