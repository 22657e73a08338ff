import { parseServeArgs } from '../../server/serve-args';

describe('dialpane serve arguments', () => {
  it.each([
    [[], { help: false }],
    [['--config', 'dialpane.yaml'], { help: false, config: 'dialpane.yaml' }],
    [['--config=dialpane.yaml'], { help: false, config: 'dialpane.yaml' }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
  ])('when the arguments are %j, then they are read as %j', (argv, expected) => {
    expect(parseServeArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--config'], 'dialpane serve: --config needs a file: --config dialpane.yaml'],
    [['--config='], 'dialpane serve: unexpected argument "--config="'],
    [['--config', '--json'], 'dialpane serve: --config needs a file: --config dialpane.yaml'],
    [['--conf', 'dialpane.yaml'], 'dialpane serve: unexpected argument "--conf"'],
    [['dialpane.yaml'], 'dialpane serve: unexpected argument "dialpane.yaml"'],
  ])('when the arguments are %j, then the service does not start on the demo but says %j', (argv, problem) => {
    expect(parseServeArgs(argv)).toBe(problem);
  });
});
