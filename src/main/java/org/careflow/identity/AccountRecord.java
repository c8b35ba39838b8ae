package org.careflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account careflow made with an initial password: whether it must still be changed. */
@Entity
@Table(name = "cf_account")
class AccountRecord {

  @Id
  @Column(length = 64)
  private String userId;

  @Column(nullable = false)
  private boolean mustChangePassword;

  /** The engine's password hash when the initial password was given: another hash means it was changed elsewhere. */
  @Column(length = 255)
  private String initialPasswordHash;

  @Column(nullable = false, length = 64)
  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  protected AccountRecord() {}

  AccountRecord(String userId, String createdBy, Instant createdAt) {
    this.userId = userId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  String getUserId() { return userId; }
  boolean isMustChangePassword() { return mustChangePassword; }
  String getInitialPasswordHash() { return initialPasswordHash; }

  void initialPassword(String hash) {
    this.mustChangePassword = true;
    this.initialPasswordHash = hash;
  }

  void changed() {
    this.mustChangePassword = false;
  }
}
