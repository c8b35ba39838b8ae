package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** careflow.https=true: every answer asks browsers for HTTPS only; without it, no such header. */
class StrictTransportTest {

  private static MockHttpServletResponse answer(boolean https) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityConfig().strictTransportSecurity(https).getFilter()
        .doFilter(new MockHttpServletRequest("GET", "/login"), response, new MockFilterChain());
    return response;
  }

  @Test
  void hstsOnlyWhenServedOverHttps() throws Exception {
    assertThat(answer(true).getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    assertThat(answer(false).getHeader("Strict-Transport-Security")).isNull();
  }
}
