package org.careflow.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;

/**
 * 钉钉 custom group robot: a text message posted to its webhook. With a signing secret ("加签") the address gets
 * {@code &timestamp=<ms>&sign=<Base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded>}, as 钉钉
 * documents; the platform accepts it within an hour of the timestamp.
 */
@Component
class DingTalkRobot {

  /** A text message's content: 钉钉 takes up to 20000 bytes; careflow's are far shorter. */
  static final int MAX_BYTES = 20000;

  /**
   * Made at the first message, not with the bean: building an HttpClient loads the JDK's TLS context and
   * trust store and starts a selector thread (0.3 s of every start, docs/PERFORMANCE.md "boot_embedded_demo"),
   * for a channel most installations never configure.
   */
  private volatile HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final CareClock clock;

  DingTalkRobot(CareClock clock) {
    this.clock = clock;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        if (http == null) {
          http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        client = http;
      }
    }
    return client;
  }

  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code text}, mentioning {@code atUserIds} (钉钉 user ids; may be empty). */
  void send(Channels.Robot robot, String text, List<String> atUserIds) throws SendFailure {
    String address = robot.webhook();
    if (robot.secret() != null) {
      long timestamp = System.currentTimeMillis(); // the platform checks it against real time, whatever the engine's clock says
      address += (address.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign(timestamp, robot.secret());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("msgtype", "text");
    body.put("text", Map.of("content", text));
    if (!atUserIds.isEmpty()) {
      body.put("at", Map.of("atUserIds", atUserIds, "isAtAll", false));
    }
    HttpResponse<String> response;
    try {
      response = http().send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailure("interrupted", true);
    } catch (Exception e) { // no connection, a bad address: never the address itself (its access_token)
      throw new SendFailure(e.getClass().getSimpleName(), true);
    }
    if (response.statusCode() != 200) {
      throw new SendFailure("HTTP " + response.statusCode(), true);
    }
    try {
      JsonNode answer = json.readTree(response.body());
      int code = answer.path("errcode").asInt(-1);
      if (code != 0) {
        throw new SendFailure(code + " " + answer.path("errmsg").asText(""), true);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SendFailure("not JSON: " + abbreviate(response.body()), true);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 100 ? s.substring(0, 100) : s;
  }
}
