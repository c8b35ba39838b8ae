package org.careflow.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} before anything reads
 * it, with a clear 413 in the user's language (problem details under /api, JSON under /engine-rest, a page elsewhere).
 * Without it the servlet container fails to parse the body, the CSRF token in it goes unread and the
 * user sees only "forbidden".
 */
@Configuration
class UploadLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize max, MessageSource messages, LocaleResolver locales,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && request.getContentLengthLong() > max.toBytes()) {
          Locale locale = locales.resolveLocale(request);
          String text = messages.getMessage("error.tooLarge", new Object[] {max.toMegabytes()}, locale);
          response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.setHeader("Connection", "close");
          String path = request.getRequestURI().substring(request.getContextPath().length());
          if (path.startsWith("/api/")) {
            Problems.write(response, Problems.of(request, org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, text, null), json);
          } else if (path.startsWith("/engine-rest/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
          } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(text)
                + "</title></head><body><h1>" + HtmlUtils.htmlEscape(text) + "</h1><p><a href=\"" + request.getContextPath() + "/\">"
                + HtmlUtils.htmlEscape(messages.getMessage("task.back", null, "Back", locale)) + "</a></p></body></html>");
          }
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(filter);
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    bean.addUrlPatterns("/*");
    return bean;
  }
}
