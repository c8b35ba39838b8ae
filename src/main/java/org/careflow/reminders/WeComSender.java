package org.careflow.reminders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.springframework.stereotype.Component;

/**
 * 企业微信 application messages through WxJava ({@code weixin-java-cp}): one client per application, so its
 * access token is cached until it expires and fetched again when the platform answers 40014/42001 (WxJava
 * does both). WxJava's own logging is turned off in application.yaml: it would print request addresses with
 * the token.
 */
@Component
class WeComSender {

  /** A text message's content may have at most 2048 bytes. */
  static final int MAX_BYTES = 2048;

  private final Map<Channels.WeCom, WxCpService> clients = new ConcurrentHashMap<>();

  void send(Channels.WeCom app, String userId, String text) throws SendFailure {
    WxCpService client = clients.computeIfAbsent(app, WeComSender::client);
    WxCpMessage message = WxCpMessage.TEXT().agentId(app.agentId()).toUser(userId).content(text).build();
    try {
      WxCpMessageSendResult r = client.getMessageService().send(message);
      if (r.getInvalidUser() != null && !r.getInvalidUser().isBlank()) {
        throw new SendFailure("invaliduser " + r.getInvalidUser(), false);
      }
    } catch (WxErrorException e) {
      WxError error = e.getError();
      throw new SendFailure(error == null ? "error" : error.getErrorCode() + " " + error.getErrorMsg(), true);
    } catch (RuntimeException e) { // WxRuntimeException: the HTTP call failed (a 5xx, no connection)
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new SendFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage(), true);
    }
  }

  private static WxCpService client(Channels.WeCom app) {
    WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
    config.setCorpId(app.corpId());
    config.setAgentId(app.agentId());
    config.setCorpSecret(app.secret());
    config.setBaseApiUrl(app.baseUrl());
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    service.setMaxRetryTimes(1); // "system busy" once more at once; otherwise the outbox retries with back-off
    service.setRetrySleepMillis(500);
    return service;
  }

  /** Tests: forget the cached clients (and so their tokens). */
  void forget() {
    clients.clear();
  }
}
