package org.careflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's entity manager is careflow's, whose id check builds its message only when it fails; an id
 * the engine refuses is refused as before, with the engine's message, and nothing is written.
 */
class EntityIdCheckTest extends CareflowTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyCommandUsesTheLateCheck() {
    DbEntityManager used = engine.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
    assertThat(used).isInstanceOf(EntityIdCheck.CheckingLate.class);
  }

  @Test
  void theReservedIdIsRefusedWithTheEnginesMessageAndNothingIsWritten() {
    String name = "entity-id-check-" + System.nanoTime();
    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
      ByteArrayEntity bytes = new ByteArrayEntity(name, new byte[] {1}, org.camunda.bpm.engine.repository.ResourceTypes.RUNTIME);
      bytes.setId("*");
      context.getDbEntityManager().insert(bytes);
      return null;
    })).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has an invalid id")
        .hasMessageContaining(name) // the entity is named in the message, as the engine's own check names it
        .hasMessageContaining("cannot be *");
    assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where NAME_ = ?", Long.class, name)).isZero();
  }
}
