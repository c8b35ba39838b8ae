package org.careflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for everything: the app's pages (form login), the Camunda webapps (the same session,
 * handed to Camunda by its container-based filter) and the engine REST API (HTTP Basic, same users).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

  /** Without it, matchers did not match requests served by Camunda's REST servlet, with Spring Security 6.5. */
  @Bean
  PathPatternRequestMatcher.Builder pathPatternRequestMatcherBuilder() {
    return PathPatternRequestMatcher.withDefaults();
  }

  /** Answers 401 with a Basic challenge itself, so an anonymous multipart POST causes no error-page dispatch (which logged an ERROR). */
  static AuthenticationEntryPoint basicChallenge() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"careflow\", charset=\"UTF-8\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, org.springframework.context.MessageSource messages,
      com.fasterxml.jackson.databind.ObjectMapper json, org.springframework.web.servlet.LocaleResolver locales) throws Exception {
    http.securityMatcher("/engine-rest/**", "/api/**")
        .authorizeHttpRequests(a -> a
            // checks any user's password for any caller, past the login throttle: administrators only
            .requestMatchers("/engine-rest/identity/verify", "/engine-rest/identity/verify/**").hasRole(Roles.ADMIN)
            .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
            .requestMatchers("/api/import/**").hasAnyRole(Roles.COORDINATOR, Roles.ADMIN)
            .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
            .requestMatchers("/api/setup", "/api/setup/**").hasRole(Roles.ADMIN)
            .requestMatchers("/api/oversight/**").hasAnyRole(Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(basicChallenge()))
        .exceptionHandling(e -> e.authenticationEntryPoint(basicChallenge()).accessDeniedHandler((request, response, denied) -> {
          if (org.careflow.shared.Problems.api(request)) { // the API's one error shape (the engine REST API keeps its own)
            String text = messages.getMessage("error.forbidden", null, locales.resolveLocale(request));
            org.careflow.shared.Problems.write(response,
                org.careflow.shared.Problems.of(request, org.springframework.http.HttpStatus.FORBIDDEN, text, null), json);
          } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
          }
        }))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    // The webapps bring their own CSRF protection and security headers.
    http.securityMatcher("/camunda/**")
        .authorizeHttpRequests(a -> a
            // the webapps' own login would check passwords past careflow's throttle and replace the session
            //: careflow's login is the one login, this door is closed
            .requestMatchers("/camunda/api/admin/auth/user/*/login", "/camunda/api/admin/auth/user/*/login/**").denyAll()
            .requestMatchers("/camunda/api/engine/engine/*/identity/verify", "/camunda/api/engine/engine/*/identity/verify/**")
            .hasRole(Roles.ADMIN)
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login"))
        .csrf(c -> c.disable())
        .headers(h -> h.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain app(HttpSecurity http, InitialPasswords initialPasswords, org.careflow.shared.SchoolSeeding seeding) throws Exception {
    // while the demo school is being seeded nobody signs in to a half-built school: the form says why
    http.addFilterBefore(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (seeding.running() && "POST".equals(request.getMethod())
            && (request.getContextPath() + "/login").equals(request.getRequestURI())) {
          response.sendRedirect(request.getContextPath() + "/login");
          return;
        }
        chain.doFilter(request, response);
      }
    }, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/oversight", "/oversight/**").hasAnyRole(Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN)
            .requestMatchers("/counselling", "/counselling/**").hasAnyRole(Roles.COUNSELLOR, Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
            .requestMatchers("/design/**", "/design").hasAnyRole(Roles.COORDINATOR, Roles.ADMIN)
            .requestMatchers("/audit", "/audit/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
            .requestMatchers("/import", "/import/**").hasAnyRole(Roles.COORDINATOR, Roles.ADMIN)
            .requestMatchers("/setup/classes/**", "/setup/staff/**", "/setup/calendar/**", "/setup/classes", "/setup/staff",
                "/setup/calendar").hasAnyRole(Roles.COORDINATOR, Roles.ADMIN)
            .requestMatchers("/setup", "/setup/**").hasRole(Roles.ADMIN)
            .requestMatchers("/admin/reminders", "/admin/reminders/**").hasRole(Roles.ADMIN)
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").successHandler(firstLogin(initialPasswords))
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof org.springframework.security.authentication.LockedException ? "/login?locked" : "/login?error"))))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * With {@code careflow.https=true} (served over TLS, directly or behind a TLS proxy): every answer tells
   * browsers to use HTTPS only for a year (HSTS). The session cookie is then Secure too (application.yaml).
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> strictTransportSecurity(@Value("${careflow.https:false}") boolean https) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (https) {
          response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(filter);
    bean.addUrlPatterns("/*");
    bean.setOrder(-110);
    return bean;
  }

  /** After a page login with an initial password, the user goes to change it first (and every page leads there). */
  static org.springframework.security.web.authentication.AuthenticationSuccessHandler firstLogin(InitialPasswords initialPasswords) {
    org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler usual =
        new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
    usual.setDefaultTargetUrl("/start"); // the landing page by role: dashboard, my class or inbox
    org.springframework.security.web.savedrequest.HttpSessionRequestCache cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
    return (request, response, auth) -> {
      var saved = cache.getRequest(request, response);
      if (saved != null && java.net.URI.create(saved.getRedirectUrl()).getPath().equals(request.getContextPath() + "/")
          && (java.net.URI.create(saved.getRedirectUrl()).getQuery() == null || "continue".equals(java.net.URI.create(saved.getRedirectUrl()).getQuery()))) {
        cache.removeRequest(request, response); // the bare start page: land where the role starts
      }
      if (initialPasswords.mustChange(auth.getName())) {
        request.getSession().setAttribute(FirstLogin.MUST_CHANGE, Boolean.TRUE);
        response.sendRedirect(request.getContextPath() + "/account/password");
      } else {
        usual.onAuthenticationSuccess(request, response, auth);
      }
    };
  }

  /** Hands the Spring Security login to the Camunda webapps: one session, one login (two logins replaced each other's session). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsLogin() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> bean = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    bean.setInitParameters(Map.of("authentication-provider",
        "org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider"));
    bean.addUrlPatterns("/camunda/*");
    bean.setOrder(-99); // right after Spring Security (-100), which provides the principal
    return bean;
  }

  /** Tells the engine who calls its REST API, so its authorizations apply to REST calls too. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestIdentity() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    bean.setInitParameters(Map.of("authentication-provider", EngineRestCaller.class.getName()));
    bean.addUrlPatterns("/engine-rest/*");
    bean.setOrder(102);
    return bean;
  }
}
