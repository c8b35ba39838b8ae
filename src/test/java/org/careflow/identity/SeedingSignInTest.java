package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.careflow.shared.SchoolSeeding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** While the demo school is being seeded the sign-in page says so and signs nobody in; afterwards it does. */
class SeedingSignInTest extends CareflowTest {

  @Autowired SchoolSeeding seeding;

  @Test
  void signInWaitsForTheSeeding() {
    seeding.started();
    try {
      WebSession s = browser();
      assertThat(s.get("/login?lang=zh-CN").body()).contains("演示学校正在准备中");
      var r = s.post("/login", Map.of("username", List.of("tteacher"), "password", List.of("pw")));
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
      assertThat(s.get("/").statusCode()).as("not signed in").isEqualTo(302);
      assertThat(browser().get("/login?lang=en").body()).contains("The demo school is being prepared");
    } finally {
      seeding.finished();
    }
    WebSession after = browser();
    assertThat(after.get("/login").body()).doesNotContain("演示学校正在准备中", "The demo school is being prepared");
    after.login("tteacher", "pw");
    assertThat(after.get("/").statusCode()).isEqualTo(200);
  }
}
