package org.ums;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(UmsApplication.class);

  @Test
  void modulesRespectTheirBoundariesAndHaveNoCycles() {
    modules.verify();
  }

  /** A module that declares nothing may depend on anything: each one states what it may use. */
  @Test
  void everyModuleDeclaresItsAllowedDependencies() {
    var open = new java.util.ArrayList<String>();
    modules.forEach(module -> {
      String base = module.getBasePackage().getName();
      try {
        var declaration = Class.forName(base + ".package-info")
            .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        if (declaration == null || java.util.Arrays.asList(declaration.allowedDependencies())
            .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN)) {
          open.add(base);
        }
      } catch (ClassNotFoundException e) {
        open.add(base);
      }
    });
    org.assertj.core.api.Assertions.assertThat(open).isEmpty();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
  }
}
