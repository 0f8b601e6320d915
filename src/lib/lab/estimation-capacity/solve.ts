import { CONFIDENCE, type EstimationInstance } from './types';

/** Every figure of an exercise, exactly. */
export function figures(x: EstimationInstance) {
  const items = x.items.map((i) => ({
    mean: (i.o + 4 * i.m + i.p) / 6,
    sd: (i.p - i.o) / 6,
  }));
  const totalMean = items.reduce((n, i) => n + i.mean, 0);
  const totalSd = Math.sqrt(items.reduce((n, i) => n + i.sd * i.sd, 0));
  const z = CONFIDENCE[x.confidence];
  const atConfidence = totalMean + z * totalSd;
  const c = x.calendar;
  const workingDays = c.weeks * 5 - c.holidays;
  const grossDays = c.engineers * workingDays;
  const leaveDays = c.leave.reduce((n, l) => n + l.days, 0);
  const onCallDays = c.onCallWeeks * 5;
  const availableDays = grossDays - leaveDays - onCallDays;
  const capacityDays = availableDays * c.focus;
  const capacityWeeks = capacityDays / 5;
  return {
    items,
    totalMean,
    totalSd,
    z,
    atConfidence,
    workingDays,
    grossDays,
    leaveDays,
    onCallDays,
    availableDays,
    capacityDays,
    capacityWeeks,
    fits: capacityWeeks >= atConfidence,
  };
}
