package org.careflow.reminders;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/digest/send} (administrators, HTTP Basic; see identity.SecurityConfig): today's
 * morning messages now, whatever the schedule, the quiet hours and the calendar. Answers per channel how many
 * of today's morning messages went out (now or earlier today: none is sent twice), and how many wait for
 * another try or failed. The e-mail digest keeps its own schedule.
 */
@RestController
class DigestSendApi {

  private final ReminderService reminders;

  DigestSendApi(ReminderService reminders) {
    this.reminders = reminders;
  }

  @PostMapping("/api/admin/digest/send")
  Map<String, Object> send() {
    ReminderService.SendReport r = reminders.sendNow();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("day", r.day().toString());
    out.putAll(r.sent());
    out.put("sent", r.sent());
    out.put("pending", r.pending());
    out.put("failed", r.failed());
    return out;
  }
}
