package cn.edu.cashl.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.browser.Axe;
import cn.edu.cashl.hub.browser.Chromium;
import cn.edu.cashl.hub.server.Hub;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's side in a real headless Chromium (docs/search.md): axe-core finds no WCAG 2.x A/AA
 * violation on the search page (Chinese and English), a record page, the widget builder and a
 * library's own page that embeds the search box; a keyboard-only reader tabs to the box on that page
 * (another origin), types, moves through the suggestions with the arrow keys, closes them with
 * Escape, finds that Tab leaves the text as typed, picks one with Enter and reaches a record on the
 * hub; the box's inline results; and, with JavaScript off, the fallback form and the hub's pages
 * still search and page. It photographs the pages for docs/search.md on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private Hub hub;
    private String base;
    /** The member library's own site, on another origin: a page that embeds the search box. */
    private HttpServer library;

    private String libraryPage;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireBrowser();
        hub = ReaderFixture.start(work);
        base = "http://127.0.0.1:" + hub.port();
        library = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Guizhou University Library</title>
                <script type="module" src="%1$s/widget/cashl-search.js"></script></head>
                <body><header><h1>Guizhou University Library</h1></header>
                <main>
                <h2>Find books and articles</h2>
                <cashl-search library="gzu" lang="en">
                  <form action="%1$s/search" method="get">
                    <label>Search CASHL <input type="search" name="q"></label>
                    <input type="hidden" name="library" value="gzu">
                    <input type="hidden" name="lang" value="en">
                    <button type="submit">Search</button>
                  </form>
                </cashl-search>
                <h2>Quick look</h2>
                <cashl-search library="gzu" lang="zh" target="inline" label="在 CASHL 中检索">
                  <form action="%1$s/search" method="get">
                    <label>检索 CASHL <input type="search" name="q"></label>
                    <input type="hidden" name="library" value="gzu">
                    <button type="submit">检索</button>
                  </form>
                </cashl-search>
                </main></body></html>
                """.formatted(base);
        library.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        library.start();
        libraryPage = "http://localhost:" + library.getAddress().getPort() + "/library.html";
        chromium = Chromium.start(work.resolve("chromium"), true, 1280, 900);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (library != null) {
            library.stop(0);
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void thePagesHaveNoAccessibilityViolationsInEitherLanguage() {
        chromium.resize(1280, 900);
        open(base + "/search?q=opera&lang=zh&library=pku", By.cssSelector("ol.hits"));
        assertNoViolations("search page (zh)");
        chromium.screenshot("search-zh-desktop");
        open(base + "/search?q=China&lang=en&library=pku", By.cssSelector("ol.hits"));
        assertNoViolations("search page (en), a journal and its article");
        open(base + "/search?q=opera&lang=en&library=whu", By.cssSelector("ol.hits"));
        assertNoViolations("search page (en)");
        chromium.screenshot("search-en-desktop");
        open(base + "/search?q=China&lang=en&library=gzu&type=journal", By.cssSelector("ol.hits"));
        browser.findElement(By.cssSelector("ol.hits h2 a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holdings")));
        assertNoViolations("record page");
        chromium.screenshot("record-en-desktop");
        open(base + "/?lang=en", By.id("q"));
        assertNoViolations("home page");
        open(base + "/widget/?lang=en&library=gzu", By.id("snippet"));
        waitForBox(browser.findElement(By.cssSelector("#preview cashl-search")));
        assertNoViolations("widget builder");
        chromium.screenshot("widget-builder-en");

        chromium.resize(390, 844);
        open(base + "/search?q=China&lang=zh&library=pku", By.cssSelector("ol.hits"));
        assertNoViolations("search page on a phone");
        chromium.screenshot("search-zh-phone");
        open(base + "/search?q=opera&lang=en&library=whu", By.cssSelector("ol.hits"));
        chromium.screenshot("search-en-phone");
        chromium.resize(1280, 900);
    }

    @Test
    void aKeyboardReaderSearchesFromALibrarysOwnPage() {
        open(libraryPage, By.tagName("cashl-search"));
        WebElement box = browser.findElements(By.tagName("cashl-search")).get(0);
        WebElement input = waitForBox(box);
        assertNoViolations("a library's page with two search boxes");
        chromium.screenshot("widget-on-a-library-page");

        // Tab from the top of the page to the box: its input is the first thing to focus.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals(input, activeInShadow(box), "the first Tab reaches the box");
        new Actions(browser).sendKeys("nihon no ch").perform();
        SearchContext shadow = box.getShadowRoot();
        wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));
        WebElement listbox = shadow.findElement(By.cssSelector("[role=listbox]"));
        assertEquals(listbox.getAttribute("id"), input.getAttribute("aria-controls"));
        List<WebElement> options = shadow.findElements(By.cssSelector("[role=option]"));
        assertEquals("Nihon no chasho", options.get(0).getText());
        chromium.screenshot("widget-suggestions");

        // Escape closes the list and keeps the text; the arrow keys open it again and move.
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertEquals("nihon no ch", input.getAttribute("value"));
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(0).getAttribute("aria-selected"));

        // Tab never picks the active suggestion: the text stays as typed, the list closes.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("nihon no ch", input.getAttribute("value"));
        assertEquals("false", input.getAttribute("aria-expanded"));
        new Actions(browser)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertEquals(input, activeInShadow(box), "Shift+Tab comes back to the box");

        // Down to the suggestion, Enter: the search runs on the hub.
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains(base + "/search?"));
        assertTrue(browser.getCurrentUrl().contains("q=Nihon+no+chasho"), browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("library=gzu"), browser.getCurrentUrl());
        WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.hits h2 a")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        title.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holdings")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Nihon no chasho"));
    }

    @Test
    void theBoxCanShowTheFirstResultsInline() {
        open(libraryPage, By.tagName("cashl-search"));
        WebElement box = browser.findElements(By.tagName("cashl-search")).get(1);
        WebElement input = waitForBox(box);
        input.sendKeys("reading");
        input.sendKeys(Keys.ENTER);
        SearchContext shadow = box.getShadowRoot();
        wait.until(d -> !shadow.findElements(By.cssSelector("li.result a")).isEmpty());
        assertEquals(5, shadow.findElements(By.cssSelector("li.result")).size(), "five results by default");
        assertTrue(shadow.findElement(By.cssSelector("[part=status]")).getText().contains("25"));
        chromium.screenshot("widget-inline-results");
        assertNoViolations("inline results");
        shadow.findElement(By.cssSelector("li.result a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holdings")));
        assertTrue(browser.getCurrentUrl().startsWith(base + "/record/"), browser.getCurrentUrl());
    }

    @Test
    void withoutJavaScriptTheFormsStillSearchAndPage() throws Exception {
        try (Chromium plain = Chromium.start(work.resolve("chromium-nojs"), false, 1280, 900)) {
            WebDriver noScript = plain.driver();
            WebDriverWait patient = new WebDriverWait(noScript, WAIT);
            noScript.get(libraryPage);
            WebElement fallback = patient.until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
            fallback.sendKeys("reading");
            fallback.submit();
            patient.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.hits")));
            assertTrue(noScript.getCurrentUrl().startsWith(base + "/search?"), noScript.getCurrentUrl());
            assertTrue(noScript.findElement(By.cssSelector("p.count")).getText().contains("25"));
            // The sort form's button is there for readers without script, and works.
            noScript.findElement(By.id("sort")).sendKeys("Oldest first");
            noScript.findElement(By.cssSelector("form.order button")).click();
            patient.until(ExpectedConditions.urlContains("sort=oldest"));
            noScript.findElement(By.cssSelector("a[rel=next]")).click();
            patient.until(ExpectedConditions.urlContains("page=2"));
            assertTrue(noScript.findElement(By.cssSelector("p.count")).getText().contains("21"));
            // A facet is a link; the record page too.
            noScript.findElement(By.cssSelector(".facet a")).click();
            patient.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.filters")));
            noScript.findElement(By.cssSelector("ol.hits h2 a")).click();
            patient.until(ExpectedConditions.presenceOfElementLocated(By.id("holdings")));
            plain.screenshot("record-without-javascript");
        }
    }

    private void open(String url, By ready) {
        browser.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
    }

    /** The box's input, once the element is defined and has drawn itself. */
    private WebElement waitForBox(WebElement host) {
        return wait.until(d -> {
            SearchContext shadow =
                    (SearchContext) ((JavascriptExecutor) d).executeScript("return arguments[0].shadowRoot", host);
            if (shadow == null) {
                return null;
            }
            List<WebElement> inputs = shadow.findElements(By.cssSelector("input[type=search]"));
            return inputs.isEmpty() ? null : inputs.get(0);
        });
    }

    private WebElement activeInShadow(WebElement host) {
        return (WebElement)
                ((JavascriptExecutor) browser).executeScript("return arguments[0].shadowRoot.activeElement", host);
    }

    private void assertNoViolations(String what) {
        List<String> violations = Axe.violations(browser);
        assertTrue(violations.isEmpty(), what + ": " + String.join("\n", violations));
        assertFalse(
                browser.getPageSource().contains("Whitelabel")
                        || browser.getPageSource().contains("HTTP ERROR 500"),
                what);
    }
}
