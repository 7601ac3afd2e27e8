package cn.edu.cashl.hub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.browser.Chromium;
import cn.edu.cashl.hub.testkit.KbartLists;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin end to end, in a real headless Chromium (Debian's chromium and chromedriver): log in,
 * break a crosswalk and see the error at its line, fix it, preview the diff, save, publish, watch the
 * re-crosswalk finish, and find the changed field through SRU; then the other pages (a journal list
 * saved on the way). On the way it photographs each screen
 * for docs/admin.md (into target/screenshots; with -Dcashl.screenshots=docs into docs/images too).
 *
 * <p>Without chromium the test is skipped, unless {@code CASHL_E2E=required} (CI sets it after
 * installing chromium), where a missing browser fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String JSTOR_LIST = KbartLists.HEADER
            + "Modern China\t0097-7004\t1552-6836\t1975\t1\t1\t\t\t\t"
            + "https://www.jstor.org/journal/modechin\t\tmodechin\tR3Y\tfulltext\t\tSage\tserial\n"
            + "Journal of Asian Studies\t0021-9118\t1752-0401\t1941\t1\t1\t1999\t58\t4\t"
            + "https://www.jstor.org/journal/jasianstudies\t\tjasianstudies\t\tfulltext\t\tAAS\tserial\n";
    private static final String CITATION = "ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
            + "&rft.genre=article&rft.atitle=Rural+markets+in+late+imperial+China&rft.jtitle=Modern+China"
            + "&rft.issn=0097-7004&rft.date=2001&rft.volume=27&rft.issue=2&rft.spage=141";

    @TempDir
    static Path work;

    private AdminHub hub;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireBrowser();
        // A member library and a package, so that the E-first page and the resolver have something to show.
        Path list = work.resolve("jstor.txt");
        Files.writeString(list, JSTOR_LIST);
        hub = AdminHub.start(work, """
                  - id: pku
                    type: file
                    name: Peking University Library
                    nameZh: 北京大学图书馆
                    tier: centre
                    illBaseUrl: https://ill.example.edu.cn/pku/openurl
                  - id: gzu
                    type: file
                    name: Guizhou University Library
                    nameZh: 贵州大学图书馆
                    tier: service
                  - id: jstor-as1
                    type: kbart
                    url: "%s"
                    package: JSTOR Arts & Sciences I
                    libraries: [pku, gzu]
                    illElectronic: true
                    proxy: {pku: "https://proxy.lib.pku.edu.cn/login?url="}
                    name: JSTOR Arts & Sciences I
                """.formatted(list.toAbsolutePath().toUri()));
        chromium = Chromium.start(work.resolve("chromium"), true, 1440, 1000);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void breakFixPreviewPublishAndSeeTheChangeInSru() throws Exception {
        // Log in (the page redirects there first).
        browser.get(hub.base + "/admin/crosswalks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().contains("/admin/login"), browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys(AdminHub.ADMIN);
        browser.findElement(By.id("password")).sendKeys(AdminHub.PASSWORD);
        screenshot("login");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), AdminHub.ADMIN));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(text(), 'marc21-to-cashl')]")));
        screenshot("crosswalks");

        // Break the crosswalk: the error shows at its line.
        browser.get(hub.base + "/admin/crosswalks/marc21-to-cashl");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor .CodeMirror")));
        wait.until(d -> editorText().contains("<xsl:stylesheet"));
        String packaged = AdminHub.packaged("marc21-to-cashl");
        String broken = packaged.replace(
                "<extent><xsl:value-of select=\"$v\"/></extent>", "<extent><xsl:value-of select=\"$v +\"/></extent>");
        int line = AdminHub.lineOf(broken, "select=\"$v +\"");
        setEditorText(broken);
        browser.findElement(By.id("check")).click();
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#compile-errors li[data-line='" + line + "']")));
        assertFalse(error.getText().isBlank());
        error.click(); // jumps to the line
        screenshot("editor-error");

        // Fix it, differently from before: extents get a mark.
        String fixed = packaged.replace(
                "<extent><xsl:value-of select=\"$v\"/></extent>",
                "<extent><xsl:value-of select=\"concat($v, ' [browser]')\"/></extent>");
        setEditorText(fixed);
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compile-status"), "Compiles"));
        assertTrue(browser.findElements(By.cssSelector("#compile-errors li")).isEmpty());

        // Preview on the demo source's records: a diff against the published output.
        selectSource("demo");
        browser.findElement(By.id("preview-run")).click();
        WebElement diff = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-record .preview-diff")));
        wait.until(d -> diff.getText().contains("[browser]"));
        screenshot("preview");

        // Save and publish; the re-crosswalk runs to the end.
        browser.findElement(By.id("save-comment")).sendKeys("Mark extents (browser test)");
        browser.findElement(By.id("save")).click();
        WebElement saved = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history tr[data-version='2']")));
        screenshot("history");
        saved.findElement(By.cssSelector("button.publish")).click();
        acceptConfirmIfAny();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "complete"));
        screenshot("publish");
        assertTrue(sru().contains("[browser]"), "SRU returns the changed field");

        // The other screens, for the operators' guide.
        visit("/admin/sources", By.cssSelector("#sources-table tr[data-source='demo']"), "sources");
        browser.get(hub.base + "/admin/sources/local");
        WebElement quarantined =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#quarantine-table tbody tr")));
        quarantined.click();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("<controlfield tag=\"001\">untitled-1"));
        screenshot("source");
        visit("/admin/stats", By.cssSelector("#chart-libraries"), "stats");
        Thread.sleep(1500); // Chart.js animates its first drawing
        screenshot("stats");
        visit("/admin/users", By.xpath("//*[contains(text(), '" + AdminHub.EDITOR + "')]"), "users");

        // E-first: the package harvested at start-up, the lenders, and the resolver's decision trail.
        browser.get(hub.base + "/admin/efirst");
        wait.until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#efirst-packages tr[data-package='jstor-as1'] td.num")).stream()
                    .anyMatch(cell -> cell.getText().equals("2"));
        });
        browser.findElement(By.id("resolver-query")).sendKeys(CITATION);
        browser.findElement(By.id("resolver-library")).sendKeys("gzu");
        browser.findElement(By.cssSelector("#efirst-resolver button[type='submit']"))
                .click();
        wait.until(d -> d.findElement(By.id("resolver-trail")).getText().contains("electronic"));
        assertTrue(browser.findElement(By.id("efirst-lenders")).getText().contains("pku"));
        screenshot("efirst");

        // Journal lists: the packaged one with the source that names it, then a list pasted and saved.
        browser.get(hub.base + "/admin/journals");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#journal-lists-table tr[data-list='hss-core']")));
        browser.findElement(By.id("journal-id")).sendKeys("area-studies");
        browser.findElement(By.id("journal-text"))
                .sendKeys("issn_l,title\n0021-9118,The Journal of Asian Studies\nnone,Broken\n");
        browser.findElement(By.id("journal-upload")).click();
        wait.until(d -> d.findElement(By.id("journal-result")).getText().contains("1 journal, 1 line left out"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#journal-lists-table tr[data-list='area-studies']")));
        assertTrue(Files.exists(hub.configDir.resolve("journals/area-studies.tsv")));
        screenshot("journals");
        // A Crossref source's form offers the lists, and its contact address.
        browser.get(hub.base + "/admin/sources/new");
        new org.openqa.selenium.support.ui.Select(
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("source-type"))))
                .selectByValue("crossref");
        assertTrue(browser.findElement(By.id("source-mailto")).isDisplayed());
        assertFalse(browser.findElement(By.id("source-format")).isDisplayed());
        wait.until(d -> !d.findElements(By.cssSelector("#source-journals option[value='area-studies']"))
                .isEmpty());

        // The reader's page the resolver answers a discovery system's link with.
        browser.get(hub.base + "/openurl?" + CITATION + "&library=pku&lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("best")));
        assertTrue(browser.getPageSource().contains("proxy.lib.pku.edu.cn"), "the home library's proxy");
        screenshot("openurl", "reader-");
    }

    private void visit(String path, By ready, String name) {
        browser.get(hub.base + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
        screenshot(name);
    }

    private void selectSource(String source) {
        WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-source")));
        wait.until(d -> !select.findElements(By.cssSelector("option[value='" + source + "']"))
                .isEmpty());
        new org.openqa.selenium.support.ui.Select(select).selectByValue(source);
    }

    private void acceptConfirmIfAny() {
        try {
            browser.switchTo().alert().accept();
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            // the page asked nothing
        }
    }

    private String editorText() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('#editor .CodeMirror').CodeMirror.getValue();");
    }

    private void setEditorText(String text) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelector('#editor .CodeMirror').CodeMirror.setValue(arguments[0]);", text);
    }

    private String sru() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                hub.base
                                                        + "/sru?version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=50&query=cql.allRecords%3D1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Saves the browser's view as target/screenshots/admin-NAME.png, and into docs/images when asked. */
    private void screenshot(String name) {
        screenshot(name, "admin-");
    }

    private void screenshot(String name, String prefix) {
        chromium.screenshot(prefix + name);
    }
}
