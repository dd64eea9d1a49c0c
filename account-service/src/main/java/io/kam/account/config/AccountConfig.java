package io.kam.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kam.account")
public interface AccountConfig {

  /** Most items one sync request may carry (docs/api.md: 1000); more is a 413. */
  @WithDefault("1000")
  int syncMaxItems();
}
