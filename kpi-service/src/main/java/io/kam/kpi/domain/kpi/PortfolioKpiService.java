package io.kam.kpi.domain.kpi;

import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioKpiCalculator;
import io.kam.kpi.domain.calc.PortfolioKpis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Portfolio KPIs of a segment: per-account facts by SQL, formulas by the calculator. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PortfolioKpiService {

  private final PortfolioFactsQuery facts;

  public PortfolioKpiService(PortfolioFactsQuery facts) {
    this.facts = facts;
  }

  public PortfolioKpis kpis(Period period, Segment segment) {
    return PortfolioKpiCalculator.compute(period, facts.facts(period, segment));
  }
}
