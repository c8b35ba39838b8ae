package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.careflow.CareflowTest;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest through a real SMTP server (GreenMail on the port the test profile configures). */
class DigestMailTest extends CareflowTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired DigestMail digest;
  @Autowired CaseLifecycle lifecycle;

  private static List<MimeMessage> to(MimeMessage[] all, String address) throws Exception {
    return Arrays.stream(all).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void eachTeacherWithLateWorkAndEachSupervisorGetOneDigestInChineseWithoutChildrensNames() throws Exception {
    clockAt(LocalDateTime.of(2026, 9, 7, 9, 0));
    long caseId = lifecycle.enrol("邮件测试", school.classA.getId(), "tcoordinator").getId();
    var form = archive(org.careflow.TestSchool.nextStudentNo("DM"), "BOTH_AWAY", LocalDate.of(2026, 1, 1));
    form.put("name", List.of("邮件测试"));
    school.complete(caseId, "registerChild", TEACHER, form); // verification visit due 09-21
    clockAt(LocalDateTime.of(2026, 10, 25, 7, 0));

    int sent = digest.sendDaily();

    assertThat(sent).isGreaterThanOrEqualTo(2);
    assertThat(smtp.waitForIncomingEmail(5000, sent)).isTrue();
    MimeMessage[] all = smtp.getReceivedMessages();
    List<MimeMessage> teacher = to(all, "tteacher@school.example");
    assertThat(teacher).hasSize(1);
    assertThat(teacher.get(0).getSubject()).isEqualTo("关爱留守儿童：每日工作提醒（2026-10-25）");
    String body = GreenMailUtil.getBody(teacher.get(0));
    String text = new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(body.getBytes()),
        teacher.get(0).getEncoding() == null ? "7bit" : teacher.get(0).getEncoding()).readAllBytes(), "UTF-8");
    assertThat(text).contains("测试班主任，您好", "核实家访：逾期", "30天以上");
    assertThat(text).doesNotContain("邮件测试", "王小明");

    List<MimeMessage> supervisor = to(all, "tsupervisor@school.example");
    assertThat(supervisor).hasSize(1);
    String sup = (String) supervisor.get(0).getContent();
    assertThat(sup).contains("您所负责学校", "一年级(1)班：逾期", "已上报校领导");
    // an administrator with no task of their own gets nothing
    assertThat(to(all, "tadmin@school.example")).isEmpty();
  }
}
