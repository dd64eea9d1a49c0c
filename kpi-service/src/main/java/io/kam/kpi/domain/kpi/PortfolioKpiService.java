package io.kam.kpi.domain.kpi;

import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioKpiCalculator;
import io.kam.kpi.domain.calc.PortfolioKpis;
import io.kam.kpi.domain.calc.PortfolioSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The portfolio KPIs of every period from {@code first} to {@code last} (same kind), each exactly
   * as {@link #kpis} computes it: one facts query per period, so the caller bounds the range.
   */
  public List<PortfolioKpis> timeseries(Period first, Period last, Segment segment) {
    List<PortfolioKpis> series = new ArrayList<>();
    for (Period p = first; !p.firstMonth().isAfter(last.firstMonth()); p = p.next()) {
      series.add(kpis(p, segment));
    }
    return series;
  }

  /** The accounts behind a count of {@link #kpis} for the same period and segment, all of them. */
  public List<PortfolioSets.Member> members(
      Period period, Segment segment, PortfolioSets.Metric metric) {
    return PortfolioSets.members(metric, facts.facts(period, segment));
  }
}
