/** A staff command: the action, with its request body when the action takes one. */
export interface Command {
  action: string;
  body?: unknown;
}

type ArgsOf<C> = C extends { body: infer B } ? [id: number, body: B] : [id: number];

/** The names of the client's methods that take exactly a command's arguments and answer `R`. */
type MethodsFor<C, Client, R> = {
  [K in keyof Client]: Client[K] extends (...args: infer P) => Promise<R>
    ? [P, ArgsOf<C>] extends [ArgsOf<C>, P]
      ? K
      : never
    : never;
}[keyof Client];

/** For each action, the API client method that sends it. */
export type CommandRoutes<C extends Command, Client, R> = {
  [A in C['action']]: MethodsFor<Extract<C, { action: A }>, Client, R>;
};

/**
 * A function sending a command through the API client: the action's method with the record's
 * id, and the body when the command has one.
 */
export function commandSender<C extends Command, Client, R>(routes: CommandRoutes<C, Client, R>) {
  return (client: Client, id: number, command: C): Promise<R> => {
    const action: C['action'] = command.action;
    const send = client[routes[action]] as (id: number, body?: unknown) => Promise<R>;
    return 'body' in command ? send.call(client, id, command.body) : send.call(client, id);
  };
}
