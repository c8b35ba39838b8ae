package org.careflow.carers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The class teacher's answer to the monthly reminder: they asked the carer how it went. */
@Entity
@Table(name = "cf_carer_follow_up")
public class CarerFollowUp {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(nullable = false)
  Long carerId;
  @Column(nullable = false)
  LocalDate askedOn;
  @Column(nullable = false, length = 10)
  String channel;
  @Column(nullable = false, length = 500)
  String howItWent;
  @Column(nullable = false, length = 64)
  String askedBy;
  @Column(nullable = false)
  Instant askedAt;

  protected CarerFollowUp() {}

  CarerFollowUp(long carerId, LocalDate askedOn, String channel, String howItWent, String askedBy, Instant askedAt) {
    this.carerId = carerId;
    this.askedOn = askedOn;
    this.channel = channel;
    this.howItWent = howItWent;
    this.askedBy = askedBy;
    this.askedAt = askedAt;
  }

  public LocalDate getAskedOn() { return askedOn; }
  public String getChannel() { return channel; }
  public String getHowItWent() { return howItWent; }
  public String getAskedBy() { return askedBy; }
}
