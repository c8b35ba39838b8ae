package org.careflow.shared;

import org.springframework.stereotype.Component;

/**
 * Whether the demo school is being seeded (about a minute on a first start): the sign-in page says so
 * and refuses to sign anyone in to a half-built school until it is done.
 */
@Component
public class SchoolSeeding {

  private volatile boolean running;

  public void started() {
    running = true;
  }

  public void finished() {
    running = false;
  }

  public boolean running() {
    return running;
  }
}
