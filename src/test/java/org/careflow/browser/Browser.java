package org.careflow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run), kept off the
 * network: the driver is given explicitly so Selenium Manager never downloads one.
 */
final class Browser {

  /**
   * How long a browser test waits for a page, a script or the application to show something: generous,
   * since the build machine may be busy; a test that works goes on as soon as the condition holds.
   */
  public static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(60);


  static final Path SHOTS = Path.of("target/screenshots");

  private Browser() {}

  static ChromeDriver start(boolean phone) throws IOException {
    System.setProperty("SE_OFFLINE", "true");
    String binary = Files.exists(Path.of("/usr/lib/chromium/chromium")) ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";
    Path profile = Files.createTempDirectory("careflow-chromium");
    // a profile is tens of megabytes: gone with the test JVM, so runs do not fill the developer's /tmp
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--lang=zh-CN", "--window-size=1280,900");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    if (phone) {
      options.setExperimentalOption("mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return driver;
  }

  /**
   * The elements there now, without the implicit wait: where none is the expected answer, the implicit
   * wait made each such look take its full 2 s. For a page that has finished loading.
   */
  static java.util.List<org.openqa.selenium.WebElement> findNow(org.openqa.selenium.WebDriver driver, org.openqa.selenium.By by) {
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return driver.findElements(by);
    } finally {
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }
  }

  static void screenshot(ChromeDriver driver, String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException gone) {
      // best effort: a file the browser still writes is left to the system's clean-up
    }
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/chromedriver"));
  }

  @SuppressWarnings("unused")
  private static List<String> unused() {
    return List.of(TakesScreenshot.class.getName());
  }
}
