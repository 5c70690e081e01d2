import SignaturePadCore from 'signature_pad';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { exportSignature } from './signature';

export interface SignaturePadHandle {
  clear(): void;
  isEmpty(): boolean;
  /** The signature cropped and scaled for storage (PNG data URL), or null when nothing is drawn. */
  toPng(): string | null;
}

interface Props {
  ref?: Ref<SignaturePadHandle>;
  /** Called after each stroke and on clear, with whether the pad is empty. */
  onChange?: (empty: boolean) => void;
  height?: number;
  disabled?: boolean;
}

/**
 * A signing area for finger, pen or mouse (signature_pad: pointer events, smoothed strokes whose
 * width follows the speed). The canvas follows its container's width at the screen's pixel ratio
 * and keeps the strokes when it is resized (a tablet turned round).
 */
export function SignaturePad({ ref, onChange, height = 240, disabled }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadCore | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePadCore(canvas, {
      penColor: '#111',
      minWidth: 1,
      maxWidth: 3.2,
      // Transparent background: the export crops to the ink.
      backgroundColor: 'rgba(0,0,0,0)',
    });
    padRef.current = pad;
    const onEnd = () => onChangeRef.current?.(pad.isEmpty());
    pad.addEventListener('endStroke', onEnd);

    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = canvas.offsetWidth;
      const cssHeight = canvas.offsetHeight;
      if (width === 0 || cssHeight === 0) return;
      if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(cssHeight * ratio))
        return;
      const data = pad.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(cssHeight * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (data.length > 0) pad.fromData(data);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    // off() first, so on() never registers the listeners twice.
    pad.off();
    if (!disabled) pad.on();
  }, [disabled]);

  useImperativeHandle(
    ref,
    () => ({
      clear: () => {
        padRef.current?.clear();
        onChangeRef.current?.(true);
      },
      isEmpty: () => padRef.current?.isEmpty() ?? true,
      toPng: () => {
        const canvas = canvasRef.current;
        if (!canvas || !padRef.current || padRef.current.isEmpty()) return null;
        return exportSignature(canvas);
      },
    }),
    [],
  );

  return (
    <canvas
      ref={canvasRef}
      data-testid="signature-pad"
      aria-label="签字区"
      style={{
        display: 'block',
        width: '100%',
        height,
        // The finger draws instead of scrolling the page.
        touchAction: 'none',
        cursor: disabled ? 'not-allowed' : 'crosshair',
        background: '#fff',
        borderRadius: 8,
      }}
    />
  );
}
