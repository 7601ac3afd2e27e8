package cn.edu.cashl.hub.browser;

import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for the browser tests, with the
 * flags this machine's closed network needs, and the screenshots the docs show.
 *
 * <p>Without chromium a test that starts one is skipped, unless {@code CASHL_E2E=required} (CI sets
 * it after installing chromium), where a missing browser fails it.
 */
public final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;

    private Chromium(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts a browser with a fresh profile in {@code profile}.
     *
     * @param javascript false for a browser that runs no script (the pages' fallbacks)
     */
    public static Chromium start(Path profile, boolean javascript, int width, int height) throws IOException {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags this machine's closed network needs: no background connections, no update checks.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createDirectories(profile));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /** Skips the calling test when there is no browser, or fails it when CI requires one. */
    public static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("CASHL_E2E"))) {
            throw new AssertionError("CASHL_E2E=required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(
                present, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    public WebDriver driver() {
        return driver;
    }

    /** The window's size, as a desktop or a phone has it. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Saves the browser's view as server/target/screenshots/NAME.png, and into docs/images too with
     * {@code -Dcashl.screenshots=docs}.
     */
    public void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path target = Files.createDirectories(ProjectRoot.find().resolve("server/target/screenshots"))
                    .resolve(name + ".png");
            Files.write(target, png);
            if ("docs".equals(System.getProperty("cashl.screenshots"))) {
                Path docs = Files.createDirectories(ProjectRoot.find().resolve("docs/images"));
                Files.copy(target, docs.resolve(target.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
