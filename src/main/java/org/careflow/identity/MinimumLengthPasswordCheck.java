package org.careflow.identity;

import org.careflow.shared.FieldErrors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stand-in password check: at least eight characters, not the user name. */
@Configuration
class MinimumLengthPasswordCheck {

  static final int MIN_LENGTH = 8;

  @Bean
  @ConditionalOnMissingBean(NewPasswordCheck.class)
  NewPasswordCheck minimumLength() {
    return (user, password, field, errors) -> {
      if (password == null || password.isBlank()) {
        errors.reject(field, "validation.required");
      } else if (password.length() < MIN_LENGTH) {
        errors.reject(field, "validation.tooShort", MIN_LENGTH);
      } else if (password.equalsIgnoreCase(user)) {
        errors.reject(field, "password.likeUser");
      }
    };
  }
}
