/**
 * The follow-up side of each journey step: one call per step from the test-drive, delivery and
 * survey services, inside the transaction that records the step. Each names the event and lets
 * the planner and the domain rules decide the tasks.
 */
import { In, type EntityManager } from 'typeorm';
import type { BookingAction, ConfirmationStage, DeliveryAction, FollowUpTaskKind } from '@dealer-care/domain';
import { DeliveryConfirmationEntity } from '../deliveries/entities/delivery-confirmation.entity.js';
import type { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { ensureProspect, findProspect } from '../prospects/ensure-prospect.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import type { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import {
  applySourceChange,
  assignSourceTasks,
  cancelSourceTasks,
  completeSourceTasks,
  planForEvent,
  storeHours,
  type PlanTarget,
} from './follow-up-planner.js';

const CONFIRMATION_CALLS: readonly FollowUpTaskKind[] = ['delivery_t3_call', 'delivery_t1_call'];
const STAGE_CALL: Record<ConfirmationStage, FollowUpTaskKind> = {
  'T-3': 'delivery_t3_call',
  'T-1': 'delivery_t1_call',
};
/** The chase of a prospect that an order ends: the customer bought. */
const ENDED_BY_ORDER: readonly FollowUpTaskKind[] = ['test_drive_no_order_callback', 'prospect_follow_up'];

const targetOf = (prospect: ProspectEntity, consultantId: number | null): PlanTarget => ({
  storeId: prospect.storeId,
  prospectId: prospect.id,
  customerId: prospect.customerId,
  consultantId: consultantId ?? prospect.consultantId,
});

// ---- test drives -------------------------------------------------------------------------------

/** A booking puts the customer on the store's prospect list; a new one is contacted within a day. */
export async function onTestDriveBooked(
  manager: EntityManager,
  booking: TestDriveBookingEntity,
  at: Date,
): Promise<void> {
  const { prospect, created } = await ensureProspect(manager, {
    storeId: booking.storeId,
    customerId: booking.customerId,
    name: booking.customerName,
    phone: booking.mobile,
  });
  await planForEvent(
    manager,
    { type: 'test_drive_booked', sourceId: booking.id, at, newCustomer: created },
    targetOf(prospect, null),
  );
}

/** After a lifecycle action of a booking (its new status already set on `booking`). */
export async function onTestDriveAction(
  manager: EntityManager,
  booking: TestDriveBookingEntity,
  action: BookingAction,
  at: Date,
): Promise<void> {
  switch (action) {
    case 'cancel':
    case 'cancel_by_store':
    case 'reject':
    case 'mark_no_show':
      await cancelSourceTasks(manager, 'test_drive', booking.id);
      return;
    case 'confirm':
    case 'accept_proposal': {
      // The consultant who took the booking takes its calls and, if it had none, the customer.
      if (booking.consultantId === null) return;
      await assignSourceTasks(manager, 'test_drive', booking.id, booking.consultantId);
      await ensureProspect(manager, {
        storeId: booking.storeId,
        customerId: booking.customerId,
        name: booking.customerName,
        phone: booking.mobile,
        consultantId: booking.consultantId,
      });
      return;
    }
    case 'complete': {
      // The customer came: a first contact still open is moot.
      await cancelSourceTasks(manager, 'test_drive', booking.id, ['first_contact']);
      const { prospect } = await ensureProspect(manager, {
        storeId: booking.storeId,
        customerId: booking.customerId,
        name: booking.customerName,
        phone: booking.mobile,
        consultantId: booking.consultantId,
      });
      await planForEvent(
        manager,
        { type: 'test_drive_completed', sourceId: booking.id, at },
        targetOf(prospect, booking.consultantId),
      );
      return;
    }
    default:
      // Reschedules and proposals move the drive, not the calls (they run from the booking and the drive).
      return;
  }
}

// ---- orders and deliveries -----------------------------------------------------------------------

/** A signed order: the prospect is won, and the calls chasing the sale stop. */
export async function onSalesOrderCreated(manager: EntityManager, order: SalesOrderEntity): Promise<void> {
  const { prospect } = await ensureProspect(manager, {
    storeId: order.storeId,
    customerId: order.customerId,
    name: order.customerName,
    phone: order.customerMobile,
    consultantId: order.consultantId,
  });
  await manager.update(ProspectEntity, { id: prospect.id }, { status: 'won' });
  const byCustomer = [
    { prospectId: prospect.id },
    ...(order.customerId ? [{ customerId: order.customerId }] : []),
  ];
  for (const who of byCustomer) {
    await manager.update(
      FollowUpTaskEntity,
      { ...who, storeId: order.storeId, status: 'pending', kind: In([...ENDED_BY_ORDER]) },
      { status: 'cancelled' },
    );
  }
}

async function orderTarget(manager: EntityManager, order: SalesOrderEntity): Promise<PlanTarget> {
  const prospect = await findProspect(manager, order.storeId, {
    customerId: order.customerId,
    phone: order.customerMobile,
  });
  return {
    storeId: order.storeId,
    prospectId: prospect?.id ?? null,
    customerId: order.customerId ?? prospect?.customerId ?? null,
    consultantId: order.consultantId,
  };
}

/** After a delivery action (the order's new state already set, its confirmation row inserted). */
export async function onDeliveryAction(
  manager: EntityManager,
  order: SalesOrderEntity,
  action: DeliveryAction,
  at: Date,
  actor: { staffId: number | null },
): Promise<void> {
  switch (action) {
    case 'choose_date': {
      if (!order.scheduledAt) return;
      // Stages the customer already confirmed for this very date need no call.
      const confirmed = await manager.findBy(DeliveryConfirmationEntity, {
        orderId: order.id,
        outcome: 'confirmed',
      });
      const confirmedStages = confirmed
        .filter((row) => new Date(row.scheduledAt).getTime() === new Date(order.scheduledAt!).getTime())
        .map((row) => row.stage);
      await applySourceChange(
        manager,
        {
          type: 'rescheduled',
          event: {
            type: 'delivery_date_confirmed',
            sourceId: order.id,
            at,
            deliveryAt: new Date(order.scheduledAt),
            confirmedStages,
          },
          context: { store: await storeHours(manager, order.storeId) },
        },
        await orderTarget(manager, order),
      );
      return;
    }
    case 'declare_delay':
    case 'request_other_dates':
      await cancelSourceTasks(manager, 'delivery', order.id, CONFIRMATION_CALLS);
      return;
    case 'confirm_attendance':
    case 'record_call': {
      const [latest] = await manager.find(DeliveryConfirmationEntity, {
        where: { orderId: order.id },
        order: { id: 'DESC' },
        take: 1,
      });
      if (!latest || latest.outcome !== 'confirmed') return;
      const kind = STAGE_CALL[latest.stage];
      if (action === 'confirm_attendance') await cancelSourceTasks(manager, 'delivery', order.id, [kind]);
      else
        await completeSourceTasks(manager, 'delivery', order.id, [kind], {
          at,
          byId: actor.staffId,
          outcome: 'reached_confirmed',
          note: latest.note,
        });
      return;
    }
    case 'deliver':
      await cancelSourceTasks(manager, 'delivery', order.id, CONFIRMATION_CALLS);
      await planForEvent(
        manager,
        { type: 'order_delivered', sourceId: order.id, at },
        await orderTarget(manager, order),
      );
      return;
    case 'cancel_order':
      await cancelSourceTasks(manager, 'delivery', order.id);
      return;
    default:
      return;
  }
}

// ---- surveys ---------------------------------------------------------------------------------------

/** A low score opened a callback case: its owner gets the callback task, due like the rule says. */
export async function onLowScoreCaseOpened(
  manager: EntityManager,
  response: { id: number; storeId: number; customerId: number | null; completedAt: Date },
  owner: { ownerId: number | null; customerMobile: string | null },
): Promise<void> {
  const prospect = await findProspect(manager, response.storeId, {
    customerId: response.customerId,
    phone: owner.customerMobile,
  });
  await planForEvent(
    manager,
    { type: 'survey_low_score', sourceId: response.id, at: response.completedAt },
    {
      storeId: response.storeId,
      prospectId: prospect?.id ?? null,
      customerId: response.customerId ?? prospect?.customerId ?? null,
      consultantId: null,
      assigneeId: owner.ownerId,
    },
  );
}

/** The case was resolved on the satisfaction page: its callback is done there, not owed twice. */
export async function onLowScoreCaseResolved(
  manager: EntityManager,
  responseId: number,
  done: { at: Date; byId: number; note: string },
): Promise<void> {
  await completeSourceTasks(manager, 'survey_response', responseId, ['low_score_callback'], {
    ...done,
    outcome: 'reached_confirmed',
  });
}

/** The case changed hands: so does its pending callback. */
export async function onLowScoreCaseReassigned(
  manager: EntityManager,
  responseId: number,
  ownerId: number,
): Promise<void> {
  await manager.update(
    FollowUpTaskEntity,
    { sourceType: 'survey_response', sourceId: responseId, kind: 'low_score_callback', status: 'pending' },
    { assigneeId: ownerId },
  );
}
