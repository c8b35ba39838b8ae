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
 * The engine checks the id of every row it inserts (it may not be {@code *}, the authorizations' "any") with
 * an error message built before the check (which also refuses a missing id): "Entity " + the entity's {@code toString()}, which for a history
 * row lists every field. That string, made for each of the ~25 rows of a case start or a timer job and then
 * thrown away, was 2.8 % of the roster import's time (JFR, docs/PERFORMANCE.md). Here the same check builds
 * its message only when it fails, through the engine's own method; nothing else of the engine's entity
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
