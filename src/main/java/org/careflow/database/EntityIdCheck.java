package org.careflow.database;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Before inserting a row the engine checks its id (present, and not {@code *}, the authorizations' "any")
 * with the error message built before the check: "Entity " + the entity's {@code toString()}, which for a
 * history row lists every field. Made for each of the ~27 rows of a case start or a timer job and thrown
 * away, it was 3.3 % of the roster import's samples (JFR, docs/PERFORMANCE.md). Here the same check calls
 * the engine's own, message and all, only for an id it will refuse; nothing else of the engine's entity
 * manager changes.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's session factories are set up by now; each command opens its entity manager from this map
    configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
  }

  static final class Factory extends DbEntityManagerFactory {

    Factory(IdGenerator ids) {
      super(ids);
    }

    @Override
    public DbEntityManager openSession() {
      return new CheckingLate(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  static final class CheckingLate extends DbEntityManager {

    CheckingLate(IdGenerator ids, PersistenceSession persistence) {
      super(ids, persistence);
    }

    @Override
    protected void validateId(DbEntity entity) {
      if (entity.getId() == null || Authorization.ANY.equals(entity.getId())) {
        super.validateId(entity); // the engine's own error
      }
    }
  }
}
