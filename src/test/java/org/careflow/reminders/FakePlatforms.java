package org.careflow.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the parts of 企业微信's and 钉钉's APIs careflow calls, checking what the real servers
 * check: {@code GET /cgi-bin/gettoken} (corp id and secret), {@code POST /cgi-bin/message/send} (a current
 * access token, else 42001/40014; a text message of the application to a user, at most 2048 bytes) and
 * {@code POST /robot/send} (the robot's access token, the HMAC-SHA256 signature and a timestamp within an
 * hour; a text message of at most 20000 bytes). Accepted messages are recorded; refusals too.
 */
public final class FakePlatforms implements AutoCloseable {

  public static final String CORP_ID = "ww0123456789abcdef";
  public static final int AGENT_ID = 1000002;
  public static final String CORP_SECRET = "corp-secret-Xq7";
  static final String ROBOT_TOKEN = "robot-token-Z9";
  public static final String ROBOT_SECRET = "SECrobot-secret-K3";

  public record WeComMessage(String toUser, String content) {}

  public record RobotMessage(String content, List<String> atUserIds) {}

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  public final List<WeComMessage> wecom = new CopyOnWriteArrayList<>();
  public final List<RobotMessage> robot = new CopyOnWriteArrayList<>();
  public final List<String> refusals = new CopyOnWriteArrayList<>();
  final AtomicInteger tokensIssued = new AtomicInteger();
  /** The next message sends to this user answered with HTTP 500 (how many: {@link #failNext}). */
  volatile String failFor = "";
  final AtomicInteger failNext = new AtomicInteger();
  private volatile String currentToken;

  public FakePlatforms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cgi-bin/gettoken", this::token);
    server.createContext("/cgi-bin/message/send", this::send);
    server.createContext("/robot/send", this::robot);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String robotWebhook() {
    return baseUrl() + "/robot/send?access_token=" + ROBOT_TOKEN;
  }

  /** The platform invalidates the token it gave (as after its 7200 s). */
  void expireToken() {
    currentToken = "expired";
  }

  public List<WeComMessage> wecomTo(String user) {
    return wecom.stream().filter(m -> m.toUser().equals(user)).toList();
  }

  private static Map<String, String> query(HttpExchange x) {
    Map<String, String> out = new HashMap<>();
    String q = x.getRequestURI().getRawQuery();
    if (q != null) {
      for (String part : q.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private void refuse(HttpExchange x, int code, String why) throws IOException {
    refusals.add(code + " " + why);
    answer(x, 200, "{\"errcode\":" + code + ",\"errmsg\":\"" + why + "\"}");
  }

  private void token(HttpExchange x) throws IOException {
    Map<String, String> q = query(x);
    if (!"GET".equals(x.getRequestMethod())) {
      refuse(x, 43001, "require GET method");
    } else if (!CORP_ID.equals(q.get("corpid"))) {
      refuse(x, 40013, "invalid corpid");
    } else if (!CORP_SECRET.equals(q.get("corpsecret"))) {
      refuse(x, 40001, "invalid credential");
    } else {
      currentToken = "token-" + tokensIssued.incrementAndGet();
      answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + currentToken + "\",\"expires_in\":7200}");
    }
  }

  private void send(HttpExchange x) throws IOException {
    Map<String, String> q = query(x);
    String token = q.get("access_token");
    if (token == null || token.isEmpty()) {
      refuse(x, 41001, "access_token missing");
      return;
    }
    if (!token.equals(currentToken)) {
      refuse(x, token.startsWith("token-") ? 42001 : 40014, token.startsWith("token-") ? "access_token expired" : "invalid access_token");
      return;
    }
    JsonNode m = json.readTree(x.getRequestBody());
    if (failFor.equals(m.path("touser").asText()) && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(x, 500, "Internal Server Error");
      return;
    }
    String content = m.path("text").path("content").asText("");
    if (!"text".equals(m.path("msgtype").asText())) {
      refuse(x, 40008, "invalid message type");
    } else if (m.path("agentid").asInt() != AGENT_ID) {
      refuse(x, 40056, "invalid agentid");
    } else if (m.path("touser").asText("").isEmpty()) {
      refuse(x, 40031, "invalid user list");
    } else if (content.isEmpty()) {
      refuse(x, 44004, "empty content");
    } else if (content.getBytes(StandardCharsets.UTF_8).length > 2048) {
      refuse(x, 45002, "content size out of limit");
    } else {
      for (String user : m.path("touser").asText().split("\\|")) {
        wecom.add(new WeComMessage(user, content));
      }
      answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m" + wecom.size() + "\"}");
    }
  }

  static String sign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void robot(HttpExchange x) throws IOException {
    Map<String, String> q = query(x); // decoded: sign is compared as Base64
    if (!ROBOT_TOKEN.equals(q.get("access_token"))) {
      refuse(x, 300001, "token is not exist");
      return;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(q.getOrDefault("timestamp", ""));
    } catch (NumberFormatException e) {
      refuse(x, 310000, "sign not match, timestamp missing");
      return;
    }
    if (Math.abs(System.currentTimeMillis() - timestamp) > 3_600_000L) {
      refuse(x, 310000, "timestamp is more than 1 hour from now");
      return;
    }
    if (!sign(timestamp, ROBOT_SECRET).equals(q.get("sign"))) {
      refuse(x, 310000, "sign not match");
      return;
    }
    JsonNode m = json.readTree(x.getRequestBody());
    String content = m.path("text").path("content").asText("");
    if (!"text".equals(m.path("msgtype").asText()) || content.isEmpty()) {
      refuse(x, 400102, "invalid message");
    } else if (content.getBytes(StandardCharsets.UTF_8).length > 20000) {
      refuse(x, 460101, "message too long");
    } else {
      List<String> at = new ArrayList<>();
      m.path("at").path("atUserIds").forEach(n -> at.add(n.asText()));
      robot.add(new RobotMessage(content, at));
      answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
