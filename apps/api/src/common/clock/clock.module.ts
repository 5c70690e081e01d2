import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { DevClockController } from './dev-clock.controller.js';

/** One clock per process, shared by every module that reads "now" through it. */
@Global()
@Module({ controllers: [DevClockController], providers: [Clock], exports: [Clock] })
export class ClockModule {}
