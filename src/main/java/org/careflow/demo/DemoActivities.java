package org.careflow.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.careflow.activity.Activities;
import org.careflow.activity.ActivityUpload;
import org.careflow.activity.ClassActivities;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.shared.CareClock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo school's activities (issue 17): each class's obligations process runs, and class A's teacher
 * ("teacher") has recorded a theme meeting, a drowning-safety lesson and a birthday gathering with the
 * children who took part (one with a photo); class B's teacher a video call with the parents. Called once
 * at the end of {@link DemoSchool}'s seeding, on today's clock.
 */
@Component
@Profile("demo")
class DemoActivities {

  private final Activities activities;
  private final ClassActivities obligations;
  private final CareCases cases;
  private final CareClock clock;

  DemoActivities(Activities activities, ClassActivities obligations, CareCases cases, CareClock clock) {
    this.activities = activities;
    this.obligations = obligations;
    this.cases = cases;
    this.clock = clock;
  }

  void seed(long classA, long classB) {
    obligations.ensureFor(classA);
    obligations.ensureFor(classB);
    LocalDate today = clock.today();
    CurrentUser teacher = new CurrentUser("teacher", List.of(Roles.TEACHER));
    CurrentUser teacher2 = new CurrentUser("teacher2", List.of(Roles.TEACHER));
    List<String> a = children(classA);
    List<String> b = children(classB);
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    record(teacher, classA, "SAFETY_DROWNING", today.minusDays(40), "三年级(1)班教室", "teacher", a, "观看防溺水视频，学习“六不”，签订安全承诺。", null);
    record(teacher, classA, "BIRTHDAY", today.minusDays(12), "学校留守儿童之家", "mentor", a.subList(0, Math.min(4, a.size())),
        "为本月过生日的孩子唱生日歌、分蛋糕，孩子们给远方的爸爸妈妈写了一句话。", photo());
    record(teacher, classA, "THEME_MEETING", today.minusDays(1), "三年级(1)班教室", "teacher", a, "主题班会“我的爸爸妈妈在远方”：说说想对父母说的话。", null);
    record(teacher2, classB, "FAMILY_CALL", today.minusDays(5), "学校亲情电话室", "teacher2", b.subList(0, Math.min(3, b.size())),
        "与在外务工的父母视频通话，每人约十分钟。", null);
  }

  private List<String> children(long classId) {
    return cases.openCasesOfClass(classId).stream().map(CareCase::getChild).map(c -> c.getId().toString()).distinct().toList();
  }

  private void record(CurrentUser by, long classId, String kind, LocalDate day, String place, String leader, List<String> children, String text,
      byte[] photo) {
    activities.record(by, new Activities.Form(classId, kind, day.toString(), place, leader, children, text),
        photo == null ? List.of() : List.of(new ActivityUpload("生日会.png", photo)));
  }

  /** A small picture: a cake-coloured square on a warm background. */
  private static byte[] photo() {
    BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(255, 236, 210));
    g.fillRect(0, 0, 160, 120);
    g.setColor(new Color(230, 120, 90));
    g.fillRect(50, 50, 60, 40);
    g.setColor(new Color(250, 210, 60));
    g.fillRect(78, 30, 4, 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      return null;
    }
    return out.toByteArray();
  }
}
