package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;

/**
 * The header's links for each role, as the inbox page shows them: the menu bean ({@link Menu}) must offer
 * exactly what each role may open, and nothing to a visitor who has not signed in.
 */
class MenuTest extends CareflowTest {

  /** Paths of the header's menu (the nav element), in order. */
  private static List<String> menu(String page) {
    int from = page.indexOf("<nav");
    if (from < 0) {
      return List.of();
    }
    String nav = page.substring(from, page.indexOf("</nav>", from));
    Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(nav);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void eachRoleSeesTheLinksOfWhatItMayOpen() {
    Map<String, List<String>> expected = Map.of(
        Roles.TEACHER, List.of("/classes/mine", "/", "/enrol", "/activities", "/study-help", "/carers", "/handover", "/appraisal",
            "/account/reminders"),
        Roles.MENTOR, List.of("/mentees/mine", "/", "/appraisal", "/account/reminders"),
        Roles.SUBJECT_TEACHER, List.of("/", "/study-help", "/account/reminders"),
        Roles.COORDINATOR, List.of("/", "/enrol", "/import", "/setup/classes", "/design", "/activities", "/study-help", "/carers",
            "/handover", "/oversight", "/reports", "/camunda/app/cockpit/", "/account/reminders"),
        Roles.SUPERVISOR, List.of("/", "/activities", "/carers", "/commendation", "/appraisal", "/audit", "/oversight", "/reports",
            "/camunda/app/cockpit/", "/account/reminders"),
        Roles.COUNSELLOR, List.of("/", "/activities", "/carers", "/counselling", "/reports", "/account/reminders"),
        Roles.ADMIN, List.of("/", "/enrol", "/import", "/setup", "/design", "/activities", "/carers", "/handover", "/commendation",
            "/appraisal", "/audit", "/oversight", "/reports", "/camunda/app/cockpit/", "/admin/reminders", "/account/reminders"));
    expected.forEach((role, links) -> {
      String user = school.newUser("tmenu", role);
      String page = browser().login(user, "pw").get("/").body();
      assertThat(menu(page)).as(role).containsExactlyElementsOf(links);
      assertThat(page).as(role).contains("action=\"/logout\"");
    });
    // a mentor who is also a class teacher has "my class", not "my mentees"
    String both = school.newUser("tmenu", Roles.TEACHER, Roles.MENTOR);
    assertThat(menu(browser().login(both, "pw").get("/").body())).contains("/classes/mine").doesNotContain("/mentees/mine");
  }

  @Test
  void theLoginPageShowsNoMenu() {
    String login = browser().get("/login").body();
    assertThat(login).contains("name=\"username\"");
    assertThat(menu(login)).isEmpty();
    assertThat(login).doesNotContain("action=\"/logout\"");
  }
}
